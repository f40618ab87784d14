@maintainer{
  name = Jane Doe
  email = 'jane@example.org'
}
@{ free text before the header }
object template annotations;

@use(type = long)
variable V ?= 1;
@ doc [ a list ]
'/a' = V; @{trailing}
