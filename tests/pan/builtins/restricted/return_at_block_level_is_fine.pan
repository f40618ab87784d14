object template return_at_block_level_is_fine;
# return() as a statement of the block ends the block with its value.
# @expect=/nlist[@name="profile"]/long[@name="r"]=3
'/r' = { x = 3; return(x); 4; };
