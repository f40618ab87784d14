object template undefined_variable;

"/a" = PORT + 1;
