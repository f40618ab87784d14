//! Spawn benchmark (placeholder).
fn main() {}
