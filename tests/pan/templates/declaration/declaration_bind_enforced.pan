object template declaration_bind_enforced;
# @expect=org.quattor.pan.exceptions.ValidationException
# @message=outside range
include 'decl_schema';
'/load' = 150;
