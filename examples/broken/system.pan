# Broken on purpose (system rules): a host name with an underscore and capitals, and root
# allowed to log in by password without a password hash.
object template broken/system;

include 'vmcs/vm';
include 'vmcs/presets/small';

'/system/hostname' = 'Web_01';
'/system/root/password_login' = true;
