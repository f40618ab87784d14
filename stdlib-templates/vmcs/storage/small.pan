@{
Storage preset: one 2000 MiB raw ext4 root image.
}
structure template vmcs/storage/small;

'images/root' = dict('size', 2000, 'format', 'raw', 'filesystem', 'ext4', 'mount', '/');
'shared' = list();
