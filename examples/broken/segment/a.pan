# First member of the broken pair; valid on its own.
object template broken/segment/a;

include 'vmcs/vm';
include 'vmcs/presets/small';
include 'broken/segment/switch';
