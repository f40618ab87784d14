object template template_is_outer_in_structure;
# TEMPLATE inside a structure template run by create() names the template whose DML
# block called create(), not the structure template.
# @expect=/nlist[@name="profile"]/nlist[@name="s"]/string[@name="made_by"]="template_is_outer_in_structure"
'/s' = create('template_is_outer_in_structure_part');
