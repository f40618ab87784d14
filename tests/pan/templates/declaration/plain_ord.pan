template plain_ord;
variable PO = 1;
