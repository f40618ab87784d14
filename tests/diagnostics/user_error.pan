object template user_error;

"/a" = error("no storage backend configured");
