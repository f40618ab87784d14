template machine-types/web;

include 'machine-types/base';

'/software/packages' = pkg_repl('nginx', '1.22.1-9');
'/system/services' = dict('nginx', dict('enabled', true, 'port', WEB_PORT));
'/system/database' = value(DB_HOST + ':/system/network/interfaces/eth0/ip');
