object template comment_inside_statement;
# @expect=/nlist[@name="profile"]/long[@name="v"]="6"
'/v' = # here
  6;
