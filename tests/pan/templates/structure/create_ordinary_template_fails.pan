object template create_ordinary_template_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=structure template
'/d' = create('ordinary_not_struct');
