object template choice_with_default;
# @expect=/nlist[@name="profile"]/*[@name="r"]/string[@name="proto"]="tcp"
type proto_t = choice('tcp', 'udp') = 'tcp';
type rule_t = { 'proto' : proto_t };
bind '/r' = rule_t;
'/r' = dict();
