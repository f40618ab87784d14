//! Provisional dependency record (replaced by the output writers' version at merge).

use std::path::PathBuf;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DepKind {
    Pan,
    Tpl,
    Text,
    AbsentSource,
    AbsentText,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dependency {
    pub name: String,
    pub kind: DepKind,
    pub dir: Option<PathBuf>,
}
