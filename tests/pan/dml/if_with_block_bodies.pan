object template if_with_block_bodies;
# @expect=/nlist[@name="profile"]/long[@name="v"]="2"
'/v' = { r = 0; if (true) { r = r + 1; r = r + 1; } else { r = 100; }; r; };
