object template foreach_appending_hangs;
variable L = list(1, 2);
"/a" = {
    l = list(1, 2);
    foreach (k; v; l) { l[length(l)] = v; };
    l;
};
