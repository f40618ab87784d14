object template base64_decode_unpadded_gives_empty;
# @expect=/nlist[@name="profile"]/string[@name="v"]=""
'/v' = base64_decode('cGE');
