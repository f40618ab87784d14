# @expect sw.suite-conflict
object template sw-suite-conflict;

include 'vmcs/vm';
include 'vmcs/presets/small';
'/software/packages/mysql-server' = vmcs_package('mysql-server');
