object template file_exists_true;
# @expect=/nlist[@name="profile"]/boolean[@name="v"]="true"
'/v' = file_exists('notes.txt');
