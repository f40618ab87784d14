object template variable_default_overridden_before_include;
# @expect=/nlist[@name="profile"]/string[@name="mode"]="manual"
# @expect=/nlist[@name="profile"]/long[@name="level"]="3"
variable MODE = 'manual';
include 'defaults_cond';
