object template final_path_reassign_fails;
# @expect=org.quattor.pan.exceptions.EvaluationException
# @message=/fixed cannot be modified; /fixed is marked as final
final '/fixed' = 'a';
'/fixed' = 'b';
