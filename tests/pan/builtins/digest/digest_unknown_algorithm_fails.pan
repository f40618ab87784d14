object template digest_unknown_algorithm_fails;
# @expect=org.quattor.pan.exceptions.SyntaxException
# @message=CRC32
'/v' = digest('CRC32', 'abc');
