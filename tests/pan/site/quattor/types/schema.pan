declaration template quattor/types/schema;

@{ A host name or an IPv4 address, checked the way site schemas check them. }
type type_ipv4 = string with match(SELF, '^[0-9]{1,3}(\.[0-9]{1,3}){3}$');

type type_fqdn = string with match(SELF, '^[a-z0-9-]+(\.[a-z0-9-]+)+$');

type structure_interface = {
    'device' : string
    'ip' ? type_ipv4
    'netmask' : type_ipv4 = '255.255.255.0'
    'mtu' : long(576..9000) = 1500
    'onboot' : boolean = true
};

type structure_nic = {
    'driver' : string
    'media' : string = 'Ethernet'
    'hwaddr' ? string
    'boot' : boolean = false
};

type structure_hardware = {
    'cpus' : long(1..64)
    'ram' : long(256..)
    'nics' : structure_nic{}
    'model' ? string
};

type structure_network = {
    'hostname' : string
    'domainname' : type_fqdn
    'default_gateway' ? type_ipv4
    'interfaces' : structure_interface{}
    'nameserver' : type_ipv4[1..3]
};

type structure_ntpd = {
    'active' : boolean = true
    'servers' : type_fqdn[1..]
    'options' ? string{}
};

type structure_user = {
    'uid' : long(100..65000)
    'groups' : string[]
    'shell' : string = '/bin/bash'
};

type structure_profile = extensible {
    'hardware' : structure_hardware
    'system' : dict
    'software' ? dict
};
