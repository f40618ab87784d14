object template builtin_template_value;
# @expect=/nlist[@name="profile"]/string[@name="t"]="builtin_template_value"
'/t' = TEMPLATE;
