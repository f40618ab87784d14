object template escaped_term_inside_term;
# Braces may cover part of a term; the rest of the term is kept as written.
# @expect=/nlist[@name="profile"]/long[@name="disk_2fsda_2d1"]=1 and /nlist[@name="profile"]/long[@name="v_32_2e0x"]=2
'/disk{/sda-1}' = 1;
'/v{2.0}x' = 2;
