object template include_ordinary_sets_paths;
# @expect=/nlist[@name="profile"]/*[@name="site"]/string[@name="name"]="lab"
# @expect=/nlist[@name="profile"]/string[@name="after"]="lab-1"
include 'site_defaults';
'/after' = value('/site/name') + '-1';
