object template recursion_on_nested_list;
# @expect=/nlist[@name="profile"]/long[@name="v"]="10"
function total = { s = 0; foreach (k; v; ARGV[0]) if (is_list(v)) s = s + total(v) else s = s + v; s; };
'/v' = total(list(1, list(2, 3), list(list(4))));
