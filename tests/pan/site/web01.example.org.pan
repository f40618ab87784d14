object template web01.example.org;
# @json=expected/web01.example.org.json
# @expect=/nlist[@name="profile"]/nlist[@name="system"]/string[@name="database"]="10.1.0.21"

variable OS_VERSION = 'debian12';
variable WEB_PORT = 80;
variable DB_HOST = 'db01.example.org';

include 'machine-types/web';
