object template format_percent_escape;
# @expect=/nlist[@name="profile"]/string[@name="v"]="90% done"
'/v' = format('%d%% done', 90);
