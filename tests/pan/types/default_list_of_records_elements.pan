object template default_list_of_records_elements;
# @expect=/nlist[@name="profile"]/*[@name="users"]/*[1]/string[@name="shell"]="/bin/sh"
# @expect=/nlist[@name="profile"]/*[@name="users"]/*[2]/string[@name="shell"]="/bin/zsh"
type user_t = { 'name' : string 'shell' : string = '/bin/sh' };
bind '/users' = user_t[];
'/users/0/name' = 'root';
'/users/1/name' = 'joe';
'/users/1/shell' = '/bin/zsh';
