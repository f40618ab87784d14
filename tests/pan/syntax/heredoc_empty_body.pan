object template heredoc_empty_body;
# @expect=/nlist[@name="profile"]/string[@name="v"]=""
'/v' = <<TXT;
TXT
