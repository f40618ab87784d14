object template validation_wrong_type;

type port = long(1..65535);
bind "/service/port" = port;

"/service/port" = "http";
