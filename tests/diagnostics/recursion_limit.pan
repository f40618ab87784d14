object template recursion_limit;

function down = down(ARGV[0] + 1);
"/a" = down(0);
