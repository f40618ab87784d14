object template record_field_escaped_name;
# A record field may be named with an escaped term; the field is the escaped key.
# @expect=/nlist[@name="profile"]/nlist[@name="hosts"]/string[@name="db1_2esite_2eorg"]="10.0.0.9" and /nlist[@name="profile"]/nlist[@name="hosts"]/string[@name="gw"]="10.0.0.1"
type hosts = {
  '{db1.site.org}' : string
  'gw' : string = '10.0.0.1'
};
bind '/hosts' = hosts;
'/hosts/{db1.site.org}' = '10.0.0.9';
