object template create_missing_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
'/s' = create('no_such_svc');
