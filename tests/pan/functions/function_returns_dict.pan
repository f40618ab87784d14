object template function_returns_dict;
# @expect=/nlist[@name="profile"]/*[@name="v"]/string[@name="k"]="key"
# @expect=/nlist[@name="profile"]/*[@name="v"]/long[@name="v"]="7"
function pair = dict('k', ARGV[0], 'v', ARGV[1]);
'/v' = pair('key', 7);
