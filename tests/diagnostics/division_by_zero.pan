object template division_by_zero;

"/a" = 10 / 0;
