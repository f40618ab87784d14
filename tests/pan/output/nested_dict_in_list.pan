object template nested_dict_in_list;
# @expect=name(/nlist/list[@name="l"]/*[1])="nlist"
# @expect=/nlist/list[@name="l"]/nlist[1]/string[@name="k"]="v"
# @expect=count(/nlist/list[@name="l"]/nlist[2]/*)=0
'/l' = list(dict('k', 'v'), dict());
