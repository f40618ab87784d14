object template hosts/web/front;
'/fqdn' = 'front.example.org';
