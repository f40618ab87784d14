structure template hardware/machine/vm-small;

'cpus' = 2;
'ram' = 2048;
'model' = format('vm-small (%d cpu, %d MB)', value('cpus'), value('ram'));
'nics/eth0' = create('hardware/nic/virtio', 'boot', true);
