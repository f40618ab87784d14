object template duplicate_definition_fails;
# @expect=org.quattor.pan.exceptions.SyntaxException
# @message=duplicate function definition
function twice = 1;
function twice = 2;
