template ty_two;
type shared_t = string;
