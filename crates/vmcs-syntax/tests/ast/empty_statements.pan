structure template empty_statements;;;
'a' = 1;;
