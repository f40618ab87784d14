object template digest_unknown_algorithm_fails;
# @expect=org.quattor.pan.exceptions.SyntaxException
# @message=invalid digest algorithm
'/v' = digest('CRC32', 'abc');
