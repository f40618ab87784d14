# Application server of the three-VM network: a Python application behind web.
object template net/app;

include 'vmcs/vm';
'/hardware' = create('vmcs/hardware/web');
'/storage' = create('vmcs/storage/web');
'/system' = create('vmcs/system/debian-bookworm');
'/software/packages' = vmcs_packages(list('python3', 'gunicorn'));
'/system/services' = append('gunicorn');
include 'net/lab-switch';
