object template string_doubling_oom;
"/a" = {
    s = "x";
    i = 0;
    while (i < 40) { s = s + s; i = i + 1; };
    length(s);
};
