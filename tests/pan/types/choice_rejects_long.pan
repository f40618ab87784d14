object template choice_rejects_long;
# @expect=org.quattor.pan.exceptions.ValidationException
type proto_t = choice('6', '17');
bind '/p' = proto_t;
'/p' = 6;
