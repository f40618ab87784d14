object template t;
type r = {
  'a' : long;
  b : string
};
