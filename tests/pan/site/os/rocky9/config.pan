template os/rocky9/config;

'/system/os' = dict('distribution', 'rocky', 'release', '9.3');
'/software/packages' = pkg_repl('openssh-server', '8.7p1-34.el9', 'x86_64');
'/software/packages' = pkg_repl('chrony', '4.3-1.el9', 'x86_64');
'/software/packages' = pkg_repl('selinux-policy', '38.1.23-1.el9');
