object template exists_on_variable_being_defined;
# A variable exists while its own value is computed.
# @expect=/nlist[@name="profile"]/boolean[@name="r"]="true"
variable NEW = exists(NEW);
variable OLD = null;
variable OLD = exists(OLD);
'/r' = NEW && OLD;
