object template validation_with_message;

type even = long with {
    if (SELF % 2 != 0) error("vcpus must be even, got " + to_string(SELF));
    true;
};
bind "/vcpus" = even;
"/vcpus" = 3;
