object template json_decode_null_member_dropped;
# @expect=not(/nlist[@name="profile"]/*[@name="v"]/*[@name="gone"])
# @expect=/nlist[@name="profile"]/*[@name="v"]/long[@name="kept"]="0"
'/v' = json_decode('{"gone": null, "kept": 0}');
