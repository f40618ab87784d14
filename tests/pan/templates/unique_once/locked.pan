unique template locked;
final '/locked' = 'yes';
