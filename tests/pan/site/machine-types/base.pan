template machine-types/base;

include 'site/config';

variable HOSTNAME = {
    parts = split('\.', OBJECT);
    parts[0];
};

'/hardware' = create('hardware/machine/' + DB_MACHINE[escape(OBJECT)]);
'/hardware/nics/eth0/hwaddr' ?= {
    if (exists(DB_HWADDR[escape(OBJECT)])) DB_HWADDR[escape(OBJECT)] else null;
};

include 'os/' + OS_VERSION + '/config';
include 'components/network/config';
include 'components/ntpd/config';
include 'components/accounts/config';

bind '/' = structure_profile;
