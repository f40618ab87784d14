object template null_deep_missing_creates_parents;
# @expect=/nlist[@name="profile"]/*[@name="p"]/*[@name="q"]
# @expect=not(/nlist[@name="profile"]/*[@name="p"]/*[@name="q"]/*[@name="r"])
'/p/q/r' = null;
'/z' = 0;
