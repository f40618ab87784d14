object template choice_rejects_non_member;
# @expect=org.quattor.pan.exceptions.ValidationException
# @message=value \(icmp\) is not a possible choice value
type proto_t = choice('tcp', 'udp');
bind '/p' = proto_t;
'/p' = 'icmp';
