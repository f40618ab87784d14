object template final_reassign;

final "/hardware/arch" = "amd64";
"/hardware/arch" = "i386";
