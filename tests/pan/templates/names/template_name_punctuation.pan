object template template_name_punctuation;
# @expect=/nlist[@name="profile"]/string[@name="odd"]="odd.name-1+x"
include 'odd.name-1+x';
