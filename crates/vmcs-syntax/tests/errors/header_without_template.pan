object t;
