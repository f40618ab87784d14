object template include_if_exists_present;
# @expect=/nlist[@name="profile"]/string[@name="color"]="blue"
include if_exists('variant_blue');
