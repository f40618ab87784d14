object template record_include_non_record_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=includes non-record type
type scalar_t = string;
type item_t = { include scalar_t 'label' ? string };
bind '/i' = item_t;
'/i/label' = 'L';
