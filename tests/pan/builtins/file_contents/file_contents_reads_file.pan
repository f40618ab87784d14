object template file_contents_reads_file;
# @expect=starts-with(/nlist/string[@name="v"], "first line")
# @expect=string-length(/nlist/string[@name="v"])=23
'/v' = file_contents('notes.txt');
