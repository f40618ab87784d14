object template default_not_constant;

type cfg = {
    "port" : long = value("/defaults/port")
};
