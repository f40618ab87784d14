object template base64_encode_empty;
# @expect=/nlist[@name="profile"]/string[@name="v"]=""
'/v' = base64_encode('');
