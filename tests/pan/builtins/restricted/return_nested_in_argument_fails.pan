object template return_nested_in_argument_fails;
# The restriction covers everything inside an argument, also a nested block.
# @expect=org.quattor.pan.exceptions.SyntaxException
function f = ARGV[0];
'/r' = f({ if (true) return(1); 2; });
