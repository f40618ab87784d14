@{
Storage preset for web servers: a 4000 MiB root image.
}
structure template vmcs/storage/web;

'images/root' = dict('size', 4000, 'format', 'raw', 'filesystem', 'ext4', 'mount', '/');
'shared' = list();
