object template assign_nested_path_creates_dicts;
# @expect=/nlist[@name="profile"]/*[@name="sys"]/*[@name="net"]/string[@name="host"]="h1"
'/sys/net/host' = 'h1';
