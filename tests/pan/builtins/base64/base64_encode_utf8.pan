object template base64_encode_utf8;
# @expect=/nlist[@name="profile"]/string[@name="v"]="w7w="
'/v' = base64_encode('ü');
