object template declaration_bind_enforced;
# @expect=org.quattor.pan.exceptions.ValidationException
# @message=150.*0\.\.100
include 'decl_schema';
'/load' = 150;
