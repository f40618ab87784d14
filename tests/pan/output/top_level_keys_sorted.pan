object template top_level_keys_sorted;
# @expect=/nlist/*[1]/@name="Mm"
# @expect=/nlist/*[2]/@name="aa"
# @expect=/nlist/*[3]/@name="zz"
'/zz' = 1;
'/aa' = 2;
'/Mm' = 3;
