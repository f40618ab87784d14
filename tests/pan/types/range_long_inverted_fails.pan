object template range_long_inverted_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=minimum range value
bind '/p' = long(9..3);
'/p' = 5;
