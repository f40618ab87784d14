object template delete_whole_local;
# @expect=/nlist[@name="profile"]/boolean[@name="v"]="false"
'/v' = { x = 'gone'; delete(x); is_defined(x); };
