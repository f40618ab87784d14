object template validation_out_of_range;

type port = long(1..65535);
bind "/service/port" = port;

"/service/port" = 70000;
