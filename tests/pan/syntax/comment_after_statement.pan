object template comment_after_statement;
# @expect=/nlist[@name="profile"]/long[@name="v"]="5"
'/v' = 5; # trailing comment
