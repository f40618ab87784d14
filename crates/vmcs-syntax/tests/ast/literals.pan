object template literals;
'/l' = list(0, 7, 017, 0x1f, 0XFF, 9223372036854775807);
'/d' = list(1.5, 2.5E+2, 3e-2, 1e400, 1e-400, 09.5);
'/s' = list('it''s', "t\tn\nq\"b\\x\x41", "a\
b", '', "");
'/o' = list(true, false, null, undef);
