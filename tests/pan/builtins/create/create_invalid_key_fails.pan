object template create_invalid_key_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
'/s' = create('svc', 'bad key', 1);
