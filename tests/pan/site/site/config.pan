unique template site/config;

include 'quattor/types/schema';
include 'quattor/functions/package';
include 'quattor/functions/network';
include 'site/databases';

variable SITE_DOMAIN ?= 'example.org';
variable SITE_NET ?= '10.1.0.0';
variable SITE_GATEWAY = ip_in_net(SITE_NET, 1);
variable SITE_NAMESERVERS ?= list(ip_in_net(SITE_NET, 2), ip_in_net(SITE_NET, 3));
variable SITE_NTP_SERVERS = list('ntp1.' + SITE_DOMAIN, 'ntp2.' + SITE_DOMAIN);
final variable SITE_ADMINS = dict('alice', 1001, 'bob', 1002);
