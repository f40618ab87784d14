template machine-types/db;

include 'site/config';

# The storage network, before the base template names the interfaces.
'/system/network/interfaces/eth1' = dict('ip', ip_in_net('10.2.0.0', 21), 'mtu', 9000);

include 'machine-types/base';

'/software/packages' = pkg_repl('postgresql-15', '15.5-0+deb12u1', 'amd64');
'/system/services/postgresql' = dict('enabled', true, 'port', 5432);
