object template declaration_included_twice_ok;
# @expect=/nlist[@name="profile"]/string[@name="arch"]="x86_64"
include 'decl_vars';
include 'decl_vars';
'/arch' = arch();
