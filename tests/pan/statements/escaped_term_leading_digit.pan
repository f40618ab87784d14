object template escaped_term_leading_digit;
# @expect=/nlist[@name="profile"]/*[@name="e"]/long[@name="_39"]="9"
'/e/{9}' = 9;
