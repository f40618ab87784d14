@{
Storage preset for build hosts: an 8000 MiB root image and a 20000 MiB qcow2 scratch image
mounted at `/srv/build`.
}
structure template vmcs/storage/build;

'images/root' = dict('size', 8000, 'format', 'raw', 'filesystem', 'ext4', 'mount', '/');
'images/scratch' = dict('size', 20000, 'format', 'qcow2', 'filesystem', 'ext4', 'mount', '/srv/build');
'shared' = list();
