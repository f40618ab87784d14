object template choice_accepts_member;
# @expect=/nlist[@name="profile"]/string[@name="p"]="udp"
type proto_t = choice('tcp', 'udp');
bind '/p' = proto_t;
'/p' = 'udp';
