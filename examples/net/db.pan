# Database of the three-VM network: PostgreSQL with a separate data image.
object template net/db;

include 'vmcs/vm';
'/hardware' = create('vmcs/hardware/web');
'/hardware/memory' = 2048;
'/hardware/maxmem' = 4096;
'/hardware/disks' = append(dict('device', 'xvdb', 'image', 'data'));
'/storage' = create('vmcs/storage/web');
'/storage/images/data' = dict('size', 10000, 'format', 'raw', 'filesystem', 'xfs', 'mount', '/var/lib/postgresql');
'/system' = create('vmcs/system/debian-bookworm');
'/software/packages' = vmcs_packages(list('postgresql'));
'/system/services' = append('postgresql');
include 'net/lab-switch';
