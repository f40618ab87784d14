template site/databases;

# Host-name keys are escaped: {web01.example.org} is the key web01_2eexample_2eorg.
variable DB_IP = dict(
    '{web01.example.org}', '10.1.0.11',
    '{web02.example.org}', '10.1.0.12',
    '{db01.example.org}', '10.1.0.21',
);

variable DB_MACHINE = dict(
    '{web01.example.org}', 'vm-small',
    '{web02.example.org}', 'vm-small',
    '{db01.example.org}', 'vm-large',
);

variable DB_HWADDR ?= dict();
variable DB_HWADDR = {
    SELF['{web01.example.org}'] = '52:54:00:00:01:11';
    SELF['{db01.example.org}'] = '52:54:00:00:01:21';
    SELF;
};
