structure template hardware/nic/virtio;

'driver' = 'virtio_net';
'media' = 'Ethernet';
