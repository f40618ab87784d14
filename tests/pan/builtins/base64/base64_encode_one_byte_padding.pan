object template base64_encode_one_byte_padding;
# @expect=/nlist[@name="profile"]/string[@name="v"]="Wg=="
'/v' = base64_encode('Z');
