object template exists_template_absent;
# @expect=/nlist[@name="profile"]/boolean[@name="v"]="false"
'/v' = exists('absent_helper');
