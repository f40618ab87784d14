unique template paths_and_prefix;
prefix "/software/components/{metaconfig}";
'x/y' = 1;
"/esc\x41ped" = 'it''s';
'other:/a' = value('//peer/x');
