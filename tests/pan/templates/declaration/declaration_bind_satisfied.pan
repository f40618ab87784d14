object template declaration_bind_satisfied;
# @expect=/nlist[@name="profile"]/long[@name="load"]="50"
include 'decl_schema';
'/load' = 50;
