object template undefined_variable_typo;

variable MEMORY_MB = 512;
"/a" = MEMORY_BM * 2;
