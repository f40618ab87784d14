//! Output writers for panc's `--formats` (provisional until the writers land).

pub mod dep;
