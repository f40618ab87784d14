@{
The storage of a VM (`/storage`).
}
declaration template vmcs/schema/storage;

include 'vmcs/schema/basic';

@documentation{
A disk image: `size` in MiB, `format` (`raw` or `qcow2`), the `filesystem` made on it
(`ext4`, `xfs`, `swap` or `none`), its `mount` point in the guest (absent for swap and
unformatted images) and whether it is `populate`d (default true): a data image mounted
elsewhere than `/` then starts with what the system has at that mount point once its
packages are installed (a volume at `/var/lib/postgresql` keeps the cluster the package
created), instead of empty. Only ext4 can be populated (rule
`storage.populate-needs-ext4`); set `populate` to false for an empty filesystem.
}
type vmcs_image = {
    'size' : vmcs_mib
    'format' : string = 'raw' with vmcs_one_of(SELF, list('raw', 'qcow2'))
    'filesystem' : string = 'ext4' with vmcs_one_of(SELF, list('ext4', 'xfs', 'swap', 'none'))
    'mount' ? vmcs_abspath
    'populate' : boolean = true
};

@documentation{
A host directory shared with the guest (`source` on the host, `target` in the guest).
}
type vmcs_shared_mount = {
    'source' : vmcs_abspath
    'target' : vmcs_abspath
    'readonly' : boolean = false
};

@documentation{
The storage: disk images by name (the keys `/hardware/disks/*/image` refers to) and shared
directories. Default: one 2000 MiB raw ext4 image `root` mounted at `/`.
}
type vmcs_storage = {
    'images' : vmcs_image{} = dict('root', dict('size', 2000, 'mount', '/'))
    'shared' : vmcs_shared_mount[] = list()
};
