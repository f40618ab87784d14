object template record_extensible_including_closed;
# An extensible record accepts fields that neither it nor its includes define.
# @expect=/nlist[@name="profile"]/nlist[@name="h"]/long[@name="extra"]=1
type base = { 'name' : string };
type host = extensible { include base };
bind '/h' = host;
'/h' = dict('name', 'a', 'extra', 1);
