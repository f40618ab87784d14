object template record_unexpected_field;

type disk = { "size" : long  "format" : string };
bind "/disk" = disk;
"/disk/size" = 10;
"/disk/format" = "raw";
"/disk/fromat" = "qcow2";
