object template builtin_object_value;
# @expect=/nlist[@name="profile"]/string[@name="o"]="builtin_object_value"
'/o' = OBJECT;
