object template base64_encode_two_byte_padding;
# @expect=/nlist[@name="profile"]/string[@name="v"]="Wno="
'/v' = base64_encode('Zz');
