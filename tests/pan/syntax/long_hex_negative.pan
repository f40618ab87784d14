object template long_hex_negative;
# @expect=/nlist[@name="profile"]/long[@name="v"]="-32"
'/v' = -0x20;
