object template heredoc_inside_block;
# @expect=string-length(/nlist/string[@name="v"])=9
# @expect=starts-with(/nlist/string[@name="v"], "text")
# @expect=substring(/nlist/string[@name="v"], 6)="more"
'/v' = { h = <<END;
text
END
  h + 'more'; };
