# Application server of the three-VM network: a small Python web application served by
# gunicorn on port 8000, run by a unit of its own (`app`); web proxies /app/ to it.
object template net/app;

include 'vmcs/vm';
'/hardware' = create('vmcs/hardware/web');
'/storage' = create('vmcs/storage/web');
'/system' = create('vmcs/system/debian-bookworm');
'/software/packages' = vmcs_packages(list('openssh-server', 'python3', 'gunicorn'));

# the application: one WSGI function answering every request with the VM's name
'/system/files' = append(dict('path', '/srv/app/app.py', 'contents', <<EOF));
import socket


def application(environ, start_response):
    body = ("hello from %s\n" % socket.gethostname()).encode()
    start_response("200 OK", [("Content-Type", "text/plain"),
                              ("Content-Length", str(len(body)))])
    return [body]
EOF

# the service that runs it; enabling it is listing it in /system/services
'/system/units/app' = dict(
    'description', 'the lab application (gunicorn on port 8000)',
    'exec_start', '/usr/bin/gunicorn --bind 0.0.0.0:8000 app:application',
    'user', 'www-data',
    'working_directory', '/srv/app'
);
'/system/services' = append('app');

include 'net/lab-switch';
