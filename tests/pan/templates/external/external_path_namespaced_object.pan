object template external_path_namespaced_object;
# @expect=/nlist[@name="profile"]/string[@name="f"]="front.example.org"
'/f' = value('hosts/web/front:/fqdn');
