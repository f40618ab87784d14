object template file_exists_false;
# @expect=/nlist[@name="profile"]/boolean[@name="v"]="false"
'/v' = file_exists('nope.txt');
