object template json_decode_index_key_names_path;
# A JSON member whose name is a number cannot be a dict key; the message names its JSON path.
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=JSON path '\$\.disks\[1\]\.7' is not a valid PAN path
'/r' = json_decode('{"disks": [{"a": 1}, {"7": 2}]}');
