object template json_decode_lenient_single_quotes;
# @expect=/nlist[@name="profile"]/*[@name="v"]/string[@name="q"]="single"
'/v' = json_decode("{'q': 'single'}");
