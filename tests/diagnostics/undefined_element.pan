object template undefined_element;

"/disks" = list("root");
"/disks/2" = "data";
