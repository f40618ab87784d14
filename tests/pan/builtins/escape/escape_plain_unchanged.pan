object template escape_plain_unchanged;
# @expect=/nlist[@name="profile"]/string[@name="v"]="plain_5fText9"
'/v' = escape('plain_Text9');
