object template string_with_xml_specials;
# @expect=/nlist[@name="profile"]/string[@name="s"]="<a & b>"
'/s' = '<a & b>';
