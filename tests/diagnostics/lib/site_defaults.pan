template lib/site_defaults;

'/site/name' = 'example';
include 'lib/site_network';
