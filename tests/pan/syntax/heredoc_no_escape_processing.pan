object template heredoc_no_escape_processing;
# @expect=starts-with(/nlist/string[@name="v"], "a\nb")
'/v' = <<TXT;
a\nb
TXT
