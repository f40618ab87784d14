object template db01.example.org;
# @json=expected/db01.example.org.json
# @expect=/nlist[@name="profile"]/nlist[@name="hardware"]/long[@name="cpus"]=8

variable OS_VERSION = 'debian12';

include 'machine-types/db';
