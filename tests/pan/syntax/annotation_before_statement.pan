object template annotation_before_statement;
# @expect=/nlist[@name="profile"]/long[@name="v"]="1"
@{ documented value }
'/v' = 1;
