object template self_in_variable_is_the_variable;
# While a variable is computed, SELF and the variable are the same value.
# @expect=/nlist[@name="profile"]/nlist[@name="r"]/string[@name="copy"]="first"
variable V = {
  SELF['orig'] = 'first';
  SELF['copy'] = V['orig'];
  SELF;
};
'/r' = V;
