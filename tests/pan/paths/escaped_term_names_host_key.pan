object template escaped_term_names_host_key;
# A braced term is escaped: the key of a host name keeps its dots as _2e.
# @expect=/nlist[@name="profile"]/nlist[@name="hosts"]/nlist[@name="web1_2eexample_2eorg"]/string[@name="ip"]="10.0.0.5"
'/hosts/{web1.example.org}/ip' = '10.0.0.5';
