object template heredoc_concatenated;
# @expect=starts-with(/nlist/string[@name="v"], "[in")
# @expect=string-length(/nlist/string[@name="v"])=5
'/v' = '[' + <<TXT + ']';
in
TXT
