template os/debian12/config;

'/system/os' = dict('distribution', 'debian', 'release', '12', 'codename', 'bookworm');
'/software/packages' = pkg_repl('openssh-server', '1:9.2p1-2', 'amd64');
'/software/packages' = pkg_repl('chrony', '4.3-2');
