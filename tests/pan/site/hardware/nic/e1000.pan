structure template hardware/nic/e1000;

'driver' = 'e1000';
