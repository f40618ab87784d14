template placeholder;
