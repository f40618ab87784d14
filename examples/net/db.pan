# Database of the three-VM network: PostgreSQL, its clusters on a data image of their own.
# The image is populated: it starts with the cluster that installing the package created
# under /var/lib/postgresql, so mounting it there hides nothing.
object template net/db;

include 'vmcs/vm';
'/hardware' = create('vmcs/hardware/web');
'/hardware/memory' = 2048;
'/hardware/maxmem' = 4096;
'/hardware/disks' = append(dict('device', 'xvdb', 'image', 'data'));
'/storage' = create('vmcs/storage/web');
'/storage/images/data' = dict('size', 4000, 'format', 'raw', 'filesystem', 'ext4',
    'mount', '/var/lib/postgresql', 'populate', true);
'/system' = create('vmcs/system/debian-bookworm');
'/software/packages' = vmcs_packages(list('openssh-server', 'postgresql'));
'/system/services' = append('postgresql');
include 'net/lab-switch';
