structure template template_is_outer_in_structure_part;
'made_by' = TEMPLATE;
