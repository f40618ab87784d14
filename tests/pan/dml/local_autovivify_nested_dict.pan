object template local_autovivify_nested_dict;
# @expect=/nlist[@name="profile"]/*[@name="v"]/*[@name="x"]/*[@name="y"]/long[@name="z"]="1"
'/v' = { t['x']['y']['z'] = 1; t; };
