object template local_not_visible_in_next_statement;
# @expect=/nlist[@name="profile"]/boolean[@name="b"]="false"
'/a' = { tmpvar = 3; tmpvar; };
'/b' = is_defined(tmpvar);
