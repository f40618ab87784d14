template ty_one;
type shared_t = long;
