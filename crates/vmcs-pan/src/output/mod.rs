//! Output writers for panc's `--formats`: pan XML, JSON, text, dep, dot (placeholder).
