//! Problems found in library files, each pinned to `file:line:column`.

use std::fmt;

/// One problem in a library file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
    pub hint: Option<String>,
}

impl Problem {
    pub fn new(file: &str, (line, column): (usize, usize), message: impl Into<String>) -> Self {
        Problem {
            file: file.to_string(),
            line,
            column,
            message: message.into(),
            hint: None,
        }
    }

    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }
}

/// Shown cleaned: a file's name and a message quoting the file are as untrusted as its text.
impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use crate::text::clean;
        write!(
            f,
            "{}:{}:{}: {}",
            clean(&self.file),
            self.line,
            self.column,
            clean(&self.message)
        )?;
        if let Some(hint) = &self.hint {
            write!(f, "\n  hint: {}", clean(hint))?;
        }
        Ok(())
    }
}

/// Finds where things are in a file's text, for problems found after parsing.
pub(crate) struct Locator<'a> {
    text: &'a str,
}

impl<'a> Locator<'a> {
    pub fn new(text: &'a str) -> Self {
        Locator { text }
    }

    /// Line and column (1-based) of a byte offset.
    pub fn position(&self, offset: usize) -> (usize, usize) {
        crate::text::line_column(self.text, offset)
    }

    /// Byte offset of the `nth` (0-based) `field: "value"` in the file.
    pub fn field_offset(&self, field: &str, value: &str, nth: usize) -> Option<usize> {
        let quoted = format!("\"{value}\"");
        let mut found = 0;
        let mut from = 0;
        while let Some(rel) = self.text[from..].find(&quoted) {
            let at = from + rel;
            let head = self.text[..at].trim_end();
            let head = head.strip_suffix(':').unwrap_or(head).trim_end();
            if head.ends_with(field) {
                if found == nth {
                    return Some(at);
                }
                found += 1;
            }
            from = at + quoted.len();
        }
        None
    }

    /// Position of the `nth` `field: "value"`, or the file's start when it cannot be found.
    pub fn field(&self, field: &str, value: &str, nth: usize) -> (usize, usize) {
        self.field_offset(field, value, nth)
            .map_or((1, 1), |at| self.position(at))
    }

    /// Position of the first occurrence of `needle` after the `owner_field: "owner"` entry.
    pub fn text_after(&self, owner_field: &str, owner: &str, needle: &str) -> (usize, usize) {
        let start = self.field_offset(owner_field, owner, 0).unwrap_or(0);
        match self.text[start..].find(needle) {
            Some(rel) => self.position(start + rel),
            None => self.position(start),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_are_one_based_and_count_characters() {
        let text = "(\n  id: \"a\",\n  name: \"é\", id: \"b\",\n)";
        let loc = Locator::new(text);
        assert_eq!(loc.field("id", "a", 0), (2, 7));
        assert_eq!(loc.field("id", "b", 0), (3, 18));
        assert_eq!(loc.field("id", "missing", 0), (1, 1));
    }

    #[test]
    fn nth_skips_earlier_matches_and_other_fields() {
        let text = "progression: \"x\"\nid: \"x\"\nid: \"x\"";
        let loc = Locator::new(text);
        assert_eq!(loc.field("id", "x", 0), (2, 5));
        assert_eq!(loc.field("id", "x", 1), (3, 5));
    }
}
