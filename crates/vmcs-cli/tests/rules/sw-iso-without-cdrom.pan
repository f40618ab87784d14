# @expect sw.iso-without-cdrom
object template sw-iso-without-cdrom;

include 'vmcs/vm';
include 'vmcs/presets/small';
'/hardware/cdroms' = list();
'/software/packages/tool' = vmcs_package('tool', undef, undef, 'iso');
'/software/knowledge/tool' = dict('name', 'tool', 'version', '1', 'source', 'iso', 'location', '/tool', 'install', 'sh /media/cdrom/tool/install');
