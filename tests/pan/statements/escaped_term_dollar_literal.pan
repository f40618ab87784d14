object template escaped_term_dollar_literal;
# @expect=/nlist[@name="profile"]/*[@name="e"]/long[@name="_24HOME"]="1"
'/e/{$HOME}' = 1;
