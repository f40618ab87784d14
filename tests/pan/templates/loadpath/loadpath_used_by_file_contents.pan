object template loadpath_used_by_file_contents;
# @expect=starts-with(/nlist/string[@name="data"], "from second")
variable LOADPATH = list('second');
'/data' = file_contents('data.txt');
