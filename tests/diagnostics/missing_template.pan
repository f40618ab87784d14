object template missing_template;

include "os/debian/bookwrom";
