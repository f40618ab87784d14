object template parse_missing_semicolon;

"/a" = 1
"/b" = 2;
