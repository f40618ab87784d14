object template records;
type r = extensible {
  'name' : string
  'port' ? long(1..65535) = 22
  include base
  "sub" : { 'x' ? boolean } (1..2)
  'list' : string[] = list('a') with length(SELF) > 0
}(0..5);
bind '/r' = { }[];
