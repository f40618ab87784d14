object template record_inline_in_bind;
# @expect=/nlist[@name="profile"]/*[@name="r"]/long[@name="n"]="3"
bind '/r' = { 'n' : long };
'/r/n' = 3;
