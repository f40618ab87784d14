object template web02.example.org;
# @json=expected/web02.example.org.json
# @expect=/nlist[@name="profile"]/nlist[@name="software"]/nlist[@name="packages"]/nlist[@name="nginx"]

variable OS_VERSION = 'rocky9';
variable WEB_PORT = 8080;
variable DB_HOST = 'db01.example.org';
variable SITE_NAMESERVERS = list('10.1.0.2');

include 'machine-types/web';

'/software/packages' = pkg_del('selinux-policy');
'/system/network/interfaces/eth0/mtu' = 1450;
