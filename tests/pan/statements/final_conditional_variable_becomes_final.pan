object template final_conditional_variable_becomes_final;
# `final variable X ?= ...` marks X final even when X keeps its value.
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=final
variable X = 'kept';
final variable X ?= 'ignored';
variable X = 'changed';
