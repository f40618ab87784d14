object template keywords_allowed_in_paths;
# @expect=/nlist[@name="profile"]/*[@name="include"]/*[@name="final"]/long[@name="bind"]="1"
'/include/final/bind' = 1;
