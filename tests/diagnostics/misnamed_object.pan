object template wrong_header_name;
