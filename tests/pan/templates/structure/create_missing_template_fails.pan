object template create_missing_template_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=cannot locate template
'/d' = create('no_such_struct');
