template self_loop;
include 'self_loop';
