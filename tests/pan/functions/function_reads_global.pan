object template function_reads_global;
# @expect=/nlist[@name="profile"]/string[@name="v"]="host.example.org"
variable SUFFIX = '.example.org';
function fqdn = ARGV[0] + SUFFIX;
'/v' = fqdn('host');
