object template escaped_term_with_slash;
# @expect=/nlist[@name="profile"]/*[@name="e"]/long[@name="a_2fb_2fc"]="1"
'/e/{a/b/c}' = 1;
