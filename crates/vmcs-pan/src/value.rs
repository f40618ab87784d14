//! Pan values: the eight kinds a profile and a DML expression can hold.
//!
//! Resources are copy-on-write (`Arc` + `Arc::make_mut`), so copying a subtree is O(1) and
//! finished profiles can be shared between the threads that compile different objects.
//! Dict keys order as Java's `String.compareTo` (UTF-16 code units), which is panc's order
//! for output, `foreach`, `first`/`next` and `key`.

use std::cmp::Ordering;
use std::collections::BTreeMap;
use std::fmt;
use std::sync::Arc;

/// A dict key. Ordered by UTF-16 code units, like `java.lang.String.compareTo`.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Key(pub Arc<str>);

impl Key {
    pub fn new(s: &str) -> Key {
        Key(Arc::from(s))
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.0, f)
    }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<&str> for Key {
    fn from(s: &str) -> Key {
        Key::new(s)
    }
}

/// Compare two strings as Java does: by UTF-16 code units.
pub fn java_cmp(a: &str, b: &str) -> Ordering {
    // UTF-8 byte order equals code point order; it differs from UTF-16 order only when
    // a supplementary character (4-byte UTF-8) meets one in U+E000..=U+FFFF.
    let (ab, bb) = (a.as_bytes(), b.as_bytes());
    let n = ab.len().min(bb.len());
    let mut i = 0;
    while i < n && ab[i] == bb[i] {
        i += 1;
    }
    if i == n {
        return ab.len().cmp(&bb.len());
    }
    if ab[i] < 0x80 && bb[i] < 0x80 {
        return ab[i].cmp(&bb[i]);
    }
    // Slow path: compare from the start of the differing char in UTF-16 units.
    let mut start = i;
    while start > 0 && (ab[start] & 0xC0) == 0x80 {
        start -= 1;
    }
    a[start..].encode_utf16().cmp(b[start..].encode_utf16())
}

impl Ord for Key {
    fn cmp(&self, other: &Key) -> Ordering {
        java_cmp(&self.0, &other.0)
    }
}

impl PartialOrd for Key {
    fn partial_cmp(&self, other: &Key) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

pub type Dict = BTreeMap<Key, Value>;
pub type List = Vec<Value>;

/// A Pan value.
#[derive(Clone, Debug, Default)]
pub enum Value {
    /// `undef`: a placeholder that must be replaced before validation ends.
    #[default]
    Undef,
    /// `null`: deletes the path it is assigned to.
    Null,
    Bool(bool),
    Long(i64),
    Double(f64),
    Str(Arc<str>),
    List(Arc<List>),
    /// panc's nlist.
    Dict(Arc<Dict>),
}

/// The type of a value as panc names it in messages and in the XML element names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    Undef,
    Null,
    Boolean,
    Long,
    Double,
    String,
    List,
    Dict,
}

impl Kind {
    /// The XML element / type name: `boolean`, `long`, `double`, `string`, `list`, `nlist`.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Undef => "undef",
            Kind::Null => "null",
            Kind::Boolean => "boolean",
            Kind::Long => "long",
            Kind::Double => "double",
            Kind::String => "string",
            Kind::List => "list",
            Kind::Dict => "nlist",
        }
    }
}

impl Value {
    pub fn str(s: &str) -> Value {
        Value::Str(Arc::from(s))
    }
    pub fn string(s: String) -> Value {
        Value::Str(Arc::from(s))
    }
    pub fn list(items: List) -> Value {
        Value::List(Arc::new(items))
    }
    pub fn dict(items: Dict) -> Value {
        Value::Dict(Arc::new(items))
    }
    pub fn empty_list() -> Value {
        Value::List(Arc::new(Vec::new()))
    }
    pub fn empty_dict() -> Value {
        Value::Dict(Arc::new(BTreeMap::new()))
    }

    pub fn kind(&self) -> Kind {
        match self {
            Value::Undef => Kind::Undef,
            Value::Null => Kind::Null,
            Value::Bool(_) => Kind::Boolean,
            Value::Long(_) => Kind::Long,
            Value::Double(_) => Kind::Double,
            Value::Str(_) => Kind::String,
            Value::List(_) => Kind::List,
            Value::Dict(_) => Kind::Dict,
        }
    }
    pub fn type_name(&self) -> &'static str {
        self.kind().name()
    }

    pub fn is_undef(&self) -> bool {
        matches!(self, Value::Undef)
    }
    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }
    pub fn is_resource(&self) -> bool {
        matches!(self, Value::List(_) | Value::Dict(_))
    }
    pub fn is_property(&self) -> bool {
        matches!(
            self,
            Value::Bool(_) | Value::Long(_) | Value::Double(_) | Value::Str(_)
        )
    }
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::Str(s) => Some(s),
            _ => None,
        }
    }
    pub fn as_long(&self) -> Option<i64> {
        match self {
            Value::Long(n) => Some(*n),
            _ => None,
        }
    }
    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Value::Bool(b) => Some(*b),
            _ => None,
        }
    }
    pub fn as_list(&self) -> Option<&List> {
        match self {
            Value::List(l) => Some(l),
            _ => None,
        }
    }
    pub fn as_dict(&self) -> Option<&Dict> {
        match self {
            Value::Dict(d) => Some(d),
            _ => None,
        }
    }
    /// Mutable access to a list, cloning it first if it is shared.
    pub fn list_mut(&mut self) -> Option<&mut List> {
        match self {
            Value::List(l) => Some(Arc::make_mut(l)),
            _ => None,
        }
    }
    /// Mutable access to a dict, cloning it first if it is shared.
    pub fn dict_mut(&mut self) -> Option<&mut Dict> {
        match self {
            Value::Dict(d) => Some(Arc::make_mut(d)),
            _ => None,
        }
    }

    /// Structural equality as `==` sees it for properties; resources compare element-wise.
    pub fn same(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::Undef, Value::Undef) | (Value::Null, Value::Null) => true,
            (Value::Bool(a), Value::Bool(b)) => a == b,
            (Value::Long(a), Value::Long(b)) => a == b,
            (Value::Double(a), Value::Double(b)) => a == b,
            (Value::Str(a), Value::Str(b)) => a == b,
            (Value::List(a), Value::List(b)) => {
                Arc::ptr_eq(a, b)
                    || (a.len() == b.len() && a.iter().zip(b.iter()).all(|(x, y)| x.same(y)))
            }
            (Value::Dict(a), Value::Dict(b)) => {
                Arc::ptr_eq(a, b)
                    || (a.len() == b.len()
                        && a.iter()
                            .zip(b.iter())
                            .all(|((ka, va), (kb, vb))| ka == kb && va.same(vb)))
            }
            _ => false,
        }
    }
}

impl From<bool> for Value {
    fn from(b: bool) -> Value {
        Value::Bool(b)
    }
}
impl From<i64> for Value {
    fn from(n: i64) -> Value {
        Value::Long(n)
    }
}
impl From<f64> for Value {
    fn from(x: f64) -> Value {
        Value::Double(x)
    }
}
impl From<&str> for Value {
    fn from(s: &str) -> Value {
        Value::str(s)
    }
}
impl From<String> for Value {
    fn from(s: String) -> Value {
        Value::string(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_order_like_java() {
        let mut keys: Vec<Key> = [
            "a_b", "a.b", "ab", "a", "a-b", "a+b", "_", "Z", "A", "a10", "a2", "a1",
        ]
        .iter()
        .map(|s| Key::new(s))
        .collect();
        keys.sort();
        let got: Vec<&str> = keys.iter().map(|k| k.as_str()).collect();
        assert_eq!(
            got,
            ["A", "Z", "_", "a", "a+b", "a-b", "a.b", "a1", "a10", "a2", "a_b", "ab"]
        );
    }

    #[test]
    fn supplementary_chars_sort_before_high_bmp() {
        // U+1F600 is a surrogate pair (D83D DE00) and sorts before U+FF01 in UTF-16.
        assert_eq!(java_cmp("\u{1F600}", "\u{FF01}"), Ordering::Less);
        assert_eq!(java_cmp("x\u{1F600}", "x\u{FF01}"), Ordering::Less);
        assert_eq!(java_cmp("é", "z"), Ordering::Greater);
    }
}
