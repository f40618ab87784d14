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

/// The elements of a list value. Dropping it does not recurse: a profile can be far deeper
/// than the stack (see [`drop_deep`]).
#[derive(Clone, Debug, Default)]
pub struct ListNode(pub List);

/// The entries of a dict value (dropped without recursion, like [`ListNode`]).
#[derive(Clone, Debug, Default)]
pub struct DictNode(pub Dict);

impl std::ops::Deref for ListNode {
    type Target = List;
    fn deref(&self) -> &List {
        &self.0
    }
}
impl std::ops::DerefMut for ListNode {
    fn deref_mut(&mut self) -> &mut List {
        &mut self.0
    }
}
impl std::ops::Deref for DictNode {
    type Target = Dict;
    fn deref(&self) -> &Dict {
        &self.0
    }
}
impl std::ops::DerefMut for DictNode {
    fn deref_mut(&mut self) -> &mut Dict {
        &mut self.0
    }
}

impl Drop for ListNode {
    fn drop(&mut self) {
        if self.0.iter().any(Value::is_resource) {
            drop_deep(std::mem::take(&mut self.0));
        }
    }
}

impl Drop for DictNode {
    fn drop(&mut self) {
        if self.0.values().any(Value::is_resource) {
            drop_deep(std::mem::take(&mut self.0).into_values().collect());
        }
    }
}

/// Drop values with a work list instead of recursion: the resources this was the last
/// owner of are emptied into the list before they are dropped.
fn drop_deep(mut pending: Vec<Value>) {
    while let Some(v) = pending.pop() {
        match v {
            Value::List(l) => {
                if let Some(mut node) = Arc::into_inner(l) {
                    pending.append(&mut node.0);
                }
            }
            Value::Dict(d) => {
                if let Some(mut node) = Arc::into_inner(d) {
                    pending.extend(std::mem::take(&mut node.0).into_values());
                }
            }
            _ => {}
        }
    }
}

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
    List(Arc<ListNode>),
    /// panc's nlist.
    Dict(Arc<DictNode>),
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
        Value::List(Arc::new(ListNode(items)))
    }
    pub fn dict(items: Dict) -> Value {
        Value::Dict(Arc::new(DictNode(items)))
    }
    pub fn empty_list() -> Value {
        Value::list(Vec::new())
    }
    pub fn empty_dict() -> Value {
        Value::dict(BTreeMap::new())
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
    /// Whether this resource is also held elsewhere (e.g. by the constant of a template):
    /// what panc calls a protected resource, which a reference never changes in place.
    pub fn is_shared(&self) -> bool {
        match self {
            Value::List(l) => Arc::strong_count(l) > 1,
            Value::Dict(d) => Arc::strong_count(d) > 1,
            _ => false,
        }
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
            Value::List(l) => Some(&mut Arc::make_mut(l).0),
            _ => None,
        }
    }
    /// Mutable access to a dict, cloning it first if it is shared.
    pub fn dict_mut(&mut self) -> Option<&mut Dict> {
        match self {
            Value::Dict(d) => Some(&mut Arc::make_mut(d).0),
            _ => None,
        }
    }

    /// Structural equality as `==` sees it for properties; resources compare element-wise
    /// (with a work list: values may be deeper than the stack).
    pub fn same(&self, other: &Value) -> bool {
        let mut todo: Vec<(&Value, &Value)> = vec![(self, other)];
        while let Some((a, b)) = todo.pop() {
            let equal = match (a, b) {
                (Value::Undef, Value::Undef) | (Value::Null, Value::Null) => true,
                (Value::Bool(a), Value::Bool(b)) => a == b,
                (Value::Long(a), Value::Long(b)) => a == b,
                (Value::Double(a), Value::Double(b)) => a == b,
                (Value::Str(a), Value::Str(b)) => a == b,
                (Value::List(a), Value::List(b)) => {
                    if !Arc::ptr_eq(a, b) {
                        if a.len() != b.len() {
                            return false;
                        }
                        todo.extend(a.iter().zip(b.iter()));
                    }
                    true
                }
                (Value::Dict(a), Value::Dict(b)) => {
                    if !Arc::ptr_eq(a, b) {
                        if a.len() != b.len() {
                            return false;
                        }
                        for ((ka, va), (kb, vb)) in a.iter().zip(b.iter()) {
                            if ka != kb {
                                return false;
                            }
                            todo.push((va, vb));
                        }
                    }
                    true
                }
                _ => false,
            };
            if !equal {
                return false;
            }
        }
        true
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
