template set_final;
final '/frozen' = 3;
