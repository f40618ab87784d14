object template base64_encode_wraps_at_76;
# @expect=string-length(/nlist/string[@name="v"])=81
# @expect=string-length(translate(/nlist/string[@name="v"], "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=", ""))=1
# @expect=string-length(translate(substring(/nlist/string[@name="v"], 1, 76), "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=", ""))=0
'/v' = base64_encode('0123456789012345678901234567890123456789012345678901234567');
