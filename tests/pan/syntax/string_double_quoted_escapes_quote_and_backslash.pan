object template string_double_quoted_escapes_quote_and_backslash;
# @expect=/nlist[@name="profile"]/string[@name="v"]='say "hi" \o/'
'/v' = "say \"hi\" \\o/";
