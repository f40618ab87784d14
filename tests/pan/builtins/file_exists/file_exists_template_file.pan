object template file_exists_template_file;
# @expect=/nlist[@name="profile"]/boolean[@name="v"]="true"
'/v' = file_exists('file_exists_template_file.pan');
