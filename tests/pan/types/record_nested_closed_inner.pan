object template record_nested_closed_inner;
# @expect=org.quattor.pan.exceptions.ValidationException
# @message=unexpected field\(s\): b
type in_t = { 'a' : long };
type out_t = { 'in' : in_t };
bind '/o' = out_t;
'/o/in/a' = 1;
'/o/in/b' = 2;
