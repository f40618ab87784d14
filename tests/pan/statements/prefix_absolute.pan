object template prefix_absolute;
# @expect=/nlist[@name="profile"]/*[@name="srv"]/*[@name="web"]/long[@name="port"]="80"
# @expect=/nlist[@name="profile"]/*[@name="srv"]/*[@name="web"]/string[@name="host"]="w"
prefix '/srv/web';
'port' = 80;
'host' = 'w';
