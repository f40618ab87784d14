object template include_computed_name;
# @expect=/nlist[@name="profile"]/string[@name="color"]="blue"
variable VARIANT = 'blue';
include { 'variant_' + VARIANT };
