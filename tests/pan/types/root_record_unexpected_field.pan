object template root_record_unexpected_field;
# @expect=org.quattor.pan.exceptions.ValidationException
# @message=unexpected field\(s\): extra
type root_t = { 'only' : long };
bind '/' = root_t;
'/only' = 1;
'/extra' = 2;
