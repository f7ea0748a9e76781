//! Untrusted text from data files: control characters never reach a terminal or a printout.

use std::borrow::Cow;

/// Removes control characters (C0, DEL, C1, and bidi overrides) so escape sequences from a
/// library or journal file cannot move the cursor or recolour the screen. Tabs and newlines
/// become spaces, so one field stays on one line.
pub fn clean(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .filter_map(|c| match c {
                '\t' | '\n' | '\r' => Some(' '),
                c if is_unsafe(c) => None,
                c => Some(c),
            })
            .collect(),
    )
}

fn is_unsafe(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Line and column (1-based, counting characters) of a byte offset in `text`.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let mut end = offset.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let before = &text[..end];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

/// Position of the first `"needle"` (quoted, as RON writes strings) in `text`, or 1:1.
pub fn position_of_quoted(text: &str, needle: &str) -> (usize, usize) {
    text.find(&format!("\"{needle}\""))
        .map_or((1, 1), |offset| line_column(text, offset))
}

/// Cleans a string in place.
pub fn clean_in_place(text: &mut String) {
    if let Cow::Owned(cleaned) = clean(text) {
        *text = cleaned;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_lines_and_characters() {
        let text = "ab\né \"x\"";
        assert_eq!(line_column(text, 0), (1, 1));
        assert_eq!(line_column(text, 3), (2, 1));
        assert_eq!(position_of_quoted(text, "x"), (2, 3));
        assert_eq!(position_of_quoted(text, "missing"), (1, 1));
        // An offset inside a multi-byte character never panics.
        assert_eq!(line_column(text, 4), (2, 1));
    }

    #[test]
    fn strips_escape_sequences_and_keeps_words() {
        assert_eq!(clean("a\u{1b}[2Jb\u{7}c"), "a[2Jbc");
        assert_eq!(clean("line\nnext\ttab"), "line next tab");
        assert_eq!(clean("\u{9b}31m red \u{202E}x"), "31m red x");
        assert!(matches!(clean("plain é ✓"), Cow::Borrowed(_)));
    }
}
