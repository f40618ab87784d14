object template escaped_term_with_space;
# @expect=/nlist[@name="profile"]/*[@name="e"]/string[@name="hello_20world"]="hw"
'/e/{hello world}' = 'hw';
