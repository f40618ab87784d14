object template heredoc_two_in_expression;
# @expect=string-length(/nlist/string[@name="v"])=4
'/v' = <<A + <<B;
x
A
y
B
