object template exists_external_object_missing;
# exists() on a path into an object template that does not exist is false, not an error.
# @expect=/nlist[@name="profile"]/boolean[@name="r"]="false"
'/r' = exists('site/nosuchhost:/system');
