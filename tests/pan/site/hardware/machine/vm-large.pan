structure template hardware/machine/vm-large;

'cpus' = 8;
'ram' = 16384;
'nics/eth0' = create('hardware/nic/virtio', 'boot', true);
'nics/eth1' = create('hardware/nic/e1000');
