object template heredocs;
'/a' = <<ONE + <<TWO + "!";
first line

ONE
  TWO
TWO
'/b' = <<EOT;
EOT
