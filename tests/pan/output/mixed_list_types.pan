object template mixed_list_types;
# @expect=name(/nlist/list/*[1])="long"
# @expect=name(/nlist/list/*[2])="double"
# @expect=name(/nlist/list/*[3])="string"
# @expect=name(/nlist/list/*[4])="boolean"
'/l' = list(1, 2.5, 'x', false);
