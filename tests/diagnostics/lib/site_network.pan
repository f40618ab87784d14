template lib/site_network;

'/site/gateway' = error('no gateway configured for %s', value('/site/name'));
