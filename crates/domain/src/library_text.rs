//! The library's string type: owned when read from a RON file, borrowed from the program's own
//! static data when decoded from the built-in library (see [`Text`]). The catalog and the figures
//! both use it; it uses neither.

use serde::{Deserialize, Serialize};

/// A string of the library. Read from a RON file it is owned; decoded from the built-in library
/// that build.rs parsed ([`BUILTIN_BYTES`]), it borrows from those bytes, so a start does not
/// copy some 2,600 strings (issue 19: they were most of the library's decode). It is written and
/// read as a plain string, so build.rs writes it as a `String`.
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

/// The built-in library as build.rs parsed it: postcard's bytes, in which each text is its
/// UTF-8 as written (empty when a built-in file did not parse; `catalog.rs` decodes them).
pub(crate) static BUILTIN_BYTES: &[u8] =
    include_bytes!(concat!(env!("OUT_DIR"), "/builtin-library.bin"));

/// The text that `bytes` are, when they lie inside [`BUILTIN_BYTES`] and are UTF-8: the same
/// bytes, as the program's own, so they can be kept without a copy.
fn builtin_text(bytes: &[u8]) -> Option<&'static str> {
    let at = bytes
        .as_ptr()
        .addr()
        .checked_sub(BUILTIN_BYTES.as_ptr().addr())?;
    let builtin = BUILTIN_BYTES.get(at..at.checked_add(bytes.len())?)?;
    std::str::from_utf8(builtin).ok()
}

impl Serialize for Text {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Text, D::Error> {
        // A binary form (postcard) is asked for bytes, which it writes as it writes a string: a
        // built-in text is then checked as UTF-8 once, here, instead of twice. A format that
        // says what it holds hands over a string anyway.
        if d.is_human_readable() {
            d.deserialize_str(TextVisitor)
        } else {
            d.deserialize_bytes(TextVisitor)
        }
    }
}

/// Reads a text; one handed over borrowed from [`BUILTIN_BYTES`] (postcard lends each from the
/// slice it decodes) stays borrowed, any other is copied.
struct TextVisitor;

impl serde::de::Visitor<'_> for TextVisitor {
    type Value = Text;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a string")
    }

    fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<Text, E> {
        Ok(match builtin_text(s.as_bytes()) {
            Some(builtin) => Text(std::borrow::Cow::Borrowed(builtin)),
            None => Text::from(s),
        })
    }

    fn visit_string<E: serde::de::Error>(self, s: String) -> Result<Text, E> {
        Ok(Text::from(s))
    }

    fn visit_bytes<E: serde::de::Error>(self, b: &[u8]) -> Result<Text, E> {
        if let Some(builtin) = builtin_text(b) {
            return Ok(Text(std::borrow::Cow::Borrowed(builtin)));
        }
        match std::str::from_utf8(b) {
            Ok(s) => Ok(Text::from(s)),
            Err(_) => Err(E::invalid_value(serde::de::Unexpected::Bytes(b), &self)),
        }
    }

    fn visit_byte_buf<E: serde::de::Error>(self, b: Vec<u8>) -> Result<Text, E> {
        match String::from_utf8(b) {
            Ok(s) => Ok(Text::from(s)),
            Err(e) => Err(E::invalid_value(
                serde::de::Unexpected::Bytes(e.as_bytes()),
                &self,
            )),
        }
    }
}
