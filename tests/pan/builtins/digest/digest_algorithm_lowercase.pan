object template digest_algorithm_lowercase;
# @expect=/nlist[@name="profile"]/string[@name="v"]="a9993e364706816aba3e25717850c26c9cd0d89d"
'/v' = digest('sha-1', 'abc');
