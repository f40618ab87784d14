object template exists_template_present;
# @expect=/nlist[@name="profile"]/boolean[@name="v"]="true"
'/v' = exists('present_helper');
