object template create_with_overrides;
# @expect=/nlist[@name="profile"]/*[@name="s"]/long[@name="port"]="22"
# @expect=/nlist[@name="profile"]/*[@name="s"]/boolean[@name="enabled"]="true"
'/s' = create('svc', 'port', 22);
