object template list_preserves_order;
# @expect=/nlist[@name="profile"]/*[@name="l"]/*[1][name()="string"]="zulu"
# @expect=/nlist[@name="profile"]/*[@name="l"]/*[2][name()="string"]="alpha"
# @expect=/nlist[@name="profile"]/*[@name="l"]/*[3][name()="string"]="mike"
'/l' = list('zulu', 'alpha', 'mike');
