object template base64_encode_ascii;
# @expect=/nlist[@name="profile"]/string[@name="v"]="cGFuIGNvbXBpbGVy"
'/v' = base64_encode('pan compiler');
