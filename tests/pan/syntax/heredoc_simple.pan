object template heredoc_simple;
# @expect=string-length(/nlist/string[@name="v"])=6
# @expect=starts-with(/nlist/string[@name="v"], "hello")
'/v' = <<TXT;
hello
TXT
