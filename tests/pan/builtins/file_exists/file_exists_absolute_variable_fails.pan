object template file_exists_absolute_variable_fails;
# file_exists() takes a name relative to the include path, also when it comes from a variable.
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=requires a relative file name
'/r' = {
  f = '/etc/hostname';
  file_exists(f);
};
