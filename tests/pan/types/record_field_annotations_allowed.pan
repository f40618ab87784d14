object template record_field_annotations_allowed;
# @expect=/nlist[@name="profile"]/*[@name="r"]/long[@name="id"]="1"
type r_t = {
  @{ the id }
  'id' : long
};
bind '/r' = r_t;
'/r/id' = 1;
