object template base64_roundtrip_specials;
# @expect=/nlist[@name="profile"]/string[@name="v"]='a<b>&"c"'
'/v' = base64_decode(base64_encode('a<b>&"c"'));
