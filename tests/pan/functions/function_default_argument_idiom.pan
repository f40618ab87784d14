object template function_default_argument_idiom;
# @expect=/nlist[@name="profile"]/string[@name="a"]="hi nobody"
# @expect=/nlist[@name="profile"]/string[@name="b"]="hi ann"
function hello = { who = if (ARGC > 0) ARGV[0] else 'nobody'; 'hi ' + who; };
'/a' = hello();
'/b' = hello('ann');
