object template base64_decode_multiline;
# @expect=/nlist[@name="profile"]/string[@name="v"]="pan compiler"
'/v' = base64_decode(<<EOT);
cGFu
IGNv
bXBpbGVy
EOT
