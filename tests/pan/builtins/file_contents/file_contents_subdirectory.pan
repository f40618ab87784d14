object template file_contents_subdirectory;
# @expect=starts-with(/nlist/string[@name="v"], "inner <data> & more")
'/v' = file_contents('sub/inner.txt');
