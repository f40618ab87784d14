object template heredoc_indented_marker_not_terminator;
# @expect=string-length(/nlist/string[@name="v"])=5
'/v' = <<TXT;
 TXT
TXT
