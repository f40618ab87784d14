object template record_include_required_enforced;
# @expect=org.quattor.pan.exceptions.ValidationException
# @message=required field: id
type common_t = { 'id' : long };
type item_t = { include common_t 'label' ? string };
bind '/i' = item_t;
'/i/label' = 'L';
