unique template components/network/config;

prefix '/system/network';
'hostname' = HOSTNAME;
'domainname' = SITE_DOMAIN;
'default_gateway' = SITE_GATEWAY;
'nameserver' = SITE_NAMESERVERS;
'interfaces/eth0/ip' = host_ip(OBJECT);
# Every interface is named after its key unless it says otherwise.
'interfaces' = {
    foreach (name; iface; SELF) {
        if (!is_defined(iface['device'])) iface['device'] = name;
    };
    SELF;
};

bind '/system/network' = structure_network;
