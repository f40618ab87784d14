object template list_children_have_no_name;
# @expect=count(/nlist/list[@name="l"]/string[@name])=0
# @expect=count(/nlist/list[@name="l"]/string)=2
'/l' = list('a', 'b');
