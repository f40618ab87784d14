# Front end of the three-VM network: nginx serves its default page and passes /app/ on to
# the application server, which it finds by name (`app`, from /etc/hosts).
object template net/web;

include 'vmcs/vm';
include 'vmcs/presets/web';

# Debian's default site (sites-enabled/default links to it), plus the proxy
'/system/files' = append(dict('path', '/etc/nginx/sites-available/default', 'contents', <<EOF));
server {
	listen 80 default_server;
	listen [::]:80 default_server;
	server_name _;
	root /var/www/html;
	index index.html index.nginx-debian.html;

	location / {
		try_files $uri $uri/ =404;
	}

	location /app/ {
		proxy_pass http://app:8000/;
	}
}
EOF

include 'net/lab-switch';
