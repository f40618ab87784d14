object template for_undef_init_and_step;
# @expect=/nlist[@name="profile"]/long[@name="v"]="5"
'/v' = { i = 10; for (undef; i > 5; undef) i = i - 1; };
