unique template components/ntpd/config;

prefix '/software/components/ntpd';
'active' = true;
'servers' = SITE_NTP_SERVERS;
'options/{tinker panic}' = '0';

bind '/software/components/ntpd' = structure_ntpd;
