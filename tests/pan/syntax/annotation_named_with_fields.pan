object template annotation_named_with_fields;
# @expect=/nlist[@name="profile"]/long[@name="v"]="2"
@meta{
  owner = ops
}
variable ANNOTATED = 2;
'/v' = ANNOTATED;
