object template namespaced_include_template_variable;
# @expect=/nlist[@name="profile"]/string[@name="helper"]="lib/tools/helper"
# @expect=/nlist[@name="profile"]/string[@name="helper_object"]="namespaced_include_template_variable"
include 'lib/tools/helper';
