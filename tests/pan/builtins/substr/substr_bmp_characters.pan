object template substr_bmp_characters;
# @expect=/nlist[@name="profile"]/string[@name="v"]="βγ"
'/v' = substr('αβγδ', 1, 2);
