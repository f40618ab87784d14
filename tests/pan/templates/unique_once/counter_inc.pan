unique template counter_inc;
variable HITS = HITS + 1;
