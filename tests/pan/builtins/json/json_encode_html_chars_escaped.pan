object template json_encode_html_chars_escaped;
# @expect=/nlist[@name="profile"]/string[@name="v"]='"\u003cx\u003e"'
'/v' = json_encode('<x>');
