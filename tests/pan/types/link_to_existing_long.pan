object template link_to_existing_long;
# @expect=/nlist[@name="profile"]/string[@name="ref"]="/target"
bind '/ref' = long*;
'/target' = 10;
'/ref' = '/target';
