object template self_stored_in_itself_fails;
# SELF cannot be stored below itself (a circular structure).
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=circular
function same = SELF;
'/r' = {
  SELF['a'] = 1;
  SELF['loop'] = same();
  SELF;
};
