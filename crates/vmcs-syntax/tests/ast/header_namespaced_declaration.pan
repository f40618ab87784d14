# a comment before the header
declaration template site/os-7/x86_64+extras.v2;
;
