# Broken on purpose (hardware rules): a 64-bit OS on 32-bit hardware, and a maximum memory
# below the initial memory. `vmcs fix` corrects both.
object template broken/hardware;

include 'vmcs/vm';
include 'vmcs/presets/small';

'/hardware/arch' = 'i386';
'/hardware/memory' = 1024;
'/hardware/maxmem' = 512;
