structure template disk;
'size' = 100;
'type' = 'ssd';
