//! Build script: nothing yet (the lalrpop grammar will be processed here).
fn main() {}
