object template automatic_variable_not_a_function;
# The automatic variables cannot be called as functions.
# @expect=org.quattor.pan.exceptions.SyntaxException
# @message=ARGV cannot be used as a function
function f = ARGV(0);
