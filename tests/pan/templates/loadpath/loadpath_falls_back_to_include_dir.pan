object template loadpath_falls_back_to_include_dir;
# @expect=/nlist[@name="profile"]/long[@name="base"]="1"
variable LOADPATH = list('missing_dir');
include 'base_only';
