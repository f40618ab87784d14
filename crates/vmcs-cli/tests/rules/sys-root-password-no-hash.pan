# @expect sys.root-password-no-hash
object template sys-root-password-no-hash;

include 'vmcs/vm';
include 'vmcs/presets/small';
'/system/root/password_login' = true;
