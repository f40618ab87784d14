declaration template quattor/functions/network;

@{ ip_in_net(net, host): the address of host number `host` in the /24 network `net`. }
function ip_in_net = {
    parts = split('\.', ARGV[0]);
    parts[3] = to_string(to_long(parts[3]) + ARGV[1]);
    join('.', parts);
};

@{ host_ip(fqdn): the address the site database gives a host, looked up by its escaped
   name. }
function host_ip = {
    if (!exists(DB_IP[escape(ARGV[0])])) {
        error(format('%s: no address in DB_IP', ARGV[0]));
    };
    DB_IP[escape(ARGV[0])];
};
