object template external_path_to_self;
# @expect=/nlist[@name="profile"]/string[@name="again"]="self"
'/me' = 'self';
'/again' = value('external_path_to_self:/me');
