object	template	comments_and_blanks ; # header
# full-line comment
'/a' # after the path
  = # after the operator
  1 # before the semicolon
  ;# right after
