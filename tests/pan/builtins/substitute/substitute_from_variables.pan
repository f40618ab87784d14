object template substitute_from_variables;
# @expect=/nlist[@name="profile"]/string[@name="v"]="cern/b28"
variable SITE = 'cern';
'/v' = { room = 'b28'; substitute('${SITE}/${room}'); };
