template defaults_cond;
variable MODE ?= 'auto';
variable LEVEL ?= 3;
'/mode' = MODE;
'/level' = LEVEL;
