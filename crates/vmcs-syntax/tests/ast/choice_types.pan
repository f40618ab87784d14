object template choice_types;
type c = choice('a', "b") = 'a' with SELF != 'b';
bind '/x' = choice('on', 'off',)[];
variable choice = 1;
'/y' = choice(1);
