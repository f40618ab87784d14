object template base64_decode_ascii;
# @expect=/nlist[@name="profile"]/string[@name="v"]="pan compiler"
'/v' = base64_decode('cGFuIGNvbXBpbGVy');
