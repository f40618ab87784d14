object template file_contents_as_format_template;
# @expect=starts-with(/nlist/string[@name="v"], "name=disk count=4")
'/v' = format(file_contents('tmpl.txt'), 'disk', 4);
