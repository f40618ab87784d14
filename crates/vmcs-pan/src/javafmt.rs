//! Java's number formatting: `Double.toString` as JDK 17 writes it (placeholder).

/// Format a double exactly as JDK 17's `Double.toString` does.
pub fn double_to_string(x: f64) -> String {
    format!("{x:?}")
}
