object template t;
'/a' = <<EOT;
no end marker
