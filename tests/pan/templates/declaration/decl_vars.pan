declaration template decl_vars;
final variable PLATFORM = 'x86_64';
function arch = PLATFORM;
type arch_t = string;
