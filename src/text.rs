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
    fn strips_escape_sequences_and_keeps_words() {
        assert_eq!(clean("a\u{1b}[2Jb\u{7}c"), "a[2Jbc");
        assert_eq!(clean("line\nnext\ttab"), "line next tab");
        assert_eq!(clean("\u{9b}31m red \u{202E}x"), "31m red x");
        assert!(matches!(clean("plain é ✓"), Cow::Borrowed(_)));
    }
}
