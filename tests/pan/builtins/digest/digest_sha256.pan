object template digest_sha256;
# @expect=/nlist[@name="profile"]/string[@name="v"]="ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
'/v' = digest('SHA-256', 'abc');
