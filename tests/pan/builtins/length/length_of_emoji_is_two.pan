object template length_of_emoji_is_two;
# @expect=/nlist[@name="profile"]/long[@name="v"]="2"
'/v' = length('🙂');
