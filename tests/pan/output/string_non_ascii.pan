object template string_non_ascii;
# @expect=/nlist[@name="profile"]/string[@name="s"]="naïve café"
'/s' = 'naïve café';
