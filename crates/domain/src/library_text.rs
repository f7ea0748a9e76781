//! The library's string type: owned when read from a RON file, borrowed from the program's own
//! text table when decoded from the built-in library (see [`Text`]). The catalog and the figures
//! both use it; it uses neither.

use serde::{Deserialize, Serialize};

/// A string of the library. Read from a RON file it is owned; decoded from the built-in library
/// that build.rs parsed, it borrows from the program's own text table, so a start does not copy
/// some 2,600 strings (issue 19: they were most of the library's decode).
#[derive(Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Text(std::borrow::Cow<'static, str>);

impl Text {
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The string to change in place (a borrowed one is copied first).
    pub fn to_mut(&mut self) -> &mut String {
        self.0.to_mut()
    }

    pub fn into_string(self) -> String {
        self.0.into_owned()
    }

    /// Whether the text is the program's own (the built-in library's), not a copy.
    pub fn is_borrowed(&self) -> bool {
        matches!(self.0, std::borrow::Cow::Borrowed(_))
    }
}

impl std::ops::Deref for Text {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for Text {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl std::borrow::Borrow<str> for Text {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Text {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(&*self.0, f)
    }
}

impl std::fmt::Display for Text {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<String> for Text {
    fn from(s: String) -> Text {
        Text(std::borrow::Cow::Owned(s))
    }
}

impl From<&str> for Text {
    fn from(s: &str) -> Text {
        Text(std::borrow::Cow::Owned(s.to_owned()))
    }
}

impl From<Text> for String {
    fn from(t: Text) -> String {
        t.into_string()
    }
}

impl From<Text> for std::borrow::Cow<'static, str> {
    fn from(t: Text) -> Self {
        t.0
    }
}

impl<'a> From<&'a Text> for std::borrow::Cow<'a, str> {
    fn from(t: &'a Text) -> Self {
        std::borrow::Cow::Borrowed(&t.0)
    }
}

impl PartialEq<str> for Text {
    fn eq(&self, other: &str) -> bool {
        *self.0 == *other
    }
}

impl PartialEq<&str> for Text {
    fn eq(&self, other: &&str) -> bool {
        *self.0 == **other
    }
}

impl PartialEq<String> for Text {
    fn eq(&self, other: &String) -> bool {
        *self.0 == **other
    }
}

impl PartialEq<Text> for str {
    fn eq(&self, other: &Text) -> bool {
        *self == *other.0
    }
}

impl PartialEq<Text> for &str {
    fn eq(&self, other: &Text) -> bool {
        **self == *other.0
    }
}

impl PartialEq<Text> for String {
    fn eq(&self, other: &Text) -> bool {
        **self == *other.0
    }
}

/// The texts written so far, and each one's place (start, length) among them.
type TextTable = (String, std::collections::HashMap<String, (u32, u32)>);

thread_local! {
    /// While build.rs writes the library's bytes: the table each text is put in, by position.
    static TABLE_BEING_WRITTEN: std::cell::RefCell<Option<TextTable>> =
        const { std::cell::RefCell::new(None) };
    /// While the built-in library is decoded: the table its texts are read from.
    static TABLE_BEING_READ: std::cell::Cell<Option<&'static str>> =
        const { std::cell::Cell::new(None) };
}

/// Runs `write` with every text serialized (in a binary form) as a place in one table, which is
/// returned with `write`'s result. Equal texts share their place.
pub fn write_with_text_table<R>(write: impl FnOnce() -> R) -> (R, String) {
    TABLE_BEING_WRITTEN.with(|t| *t.borrow_mut() = Some(Default::default()));
    let written = write();
    let table = TABLE_BEING_WRITTEN.with(|t| t.borrow_mut().take().map(|(table, _)| table));
    (written, table.unwrap_or_default())
}

/// Runs `read` with every text deserialized (from a binary form) as a place in `table`, as
/// [`write_with_text_table`] wrote them.
pub fn read_with_text_table<R>(table: &'static str, read: impl FnOnce() -> R) -> R {
    let before = TABLE_BEING_READ.with(|t| t.replace(Some(table)));
    let read = read();
    TABLE_BEING_READ.with(|t| t.set(before));
    read
}

impl Serialize for Text {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if !s.is_human_readable() {
            let place = TABLE_BEING_WRITTEN.with(|t| {
                let mut t = t.borrow_mut();
                let (table, seen) = t.as_mut()?;
                let place = seen.entry(self.0.to_string()).or_insert_with(|| {
                    let at = table.len();
                    table.push_str(&self.0);
                    (at as u32, self.0.len() as u32)
                });
                Some(*place)
            });
            if let Some(place) = place {
                return place.serialize(s);
            }
        }
        s.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Text, D::Error> {
        if !d.is_human_readable()
            && let Some(table) = TABLE_BEING_READ.with(std::cell::Cell::get)
        {
            let (at, len) = <(u32, u32)>::deserialize(d)?;
            let (at, len) = (at as usize, len as usize);
            return table
                .get(at..at.saturating_add(len))
                .map(|t| Text(std::borrow::Cow::Borrowed(t)))
                .ok_or_else(|| serde::de::Error::custom("a text outside the built-in table"));
        }
        String::deserialize(d).map(Text::from)
    }
}
