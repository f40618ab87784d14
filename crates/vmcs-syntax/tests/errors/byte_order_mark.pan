object template t;
