object template digest_md5;
# @expect=/nlist[@name="profile"]/string[@name="v"]="900150983cd24fb0d6963f7d28e17f72"
'/v' = digest('MD5', 'abc');
