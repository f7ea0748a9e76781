//! Untrusted text: control and format characters never reach a terminal or a printout.
//!
//! One rule for every string that is shown or exported, whatever its source (library files,
//! file names and paths, notes, profile fields, key files, environment variables, input quoted
//! in a message): [`is_unsafe`] says which characters go, [`clean`] strips them from one-line
//! text and [`clean_block`] from text that keeps its line breaks. The command line passes all
//! it prints through `clean_block`; free text is checked on the way in by [`check_free_text`].

use std::borrow::Cow;
use std::path::Path;

/// Removes unsafe characters (see [`is_unsafe`]) so escape sequences from a file, a name or an
/// argument cannot move the cursor, recolour the screen or reorder text. Tabs and line breaks
/// become spaces, so one field stays on one line.
pub fn clean(text: &str) -> Cow<'_, str> {
    // Printable ASCII is safe as it is: most text is, and a byte test is far cheaper than
    // decoding every character (the library is cleaned at every start).
    if text.bytes().all(|b| (0x20..0x7f).contains(&b)) || !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .filter_map(|c| match c {
                '\t' | '\n' | '\r' | '\u{2028}' | '\u{2029}' => Some(' '),
                c if is_unsafe(c) => None,
                c => Some(c),
            })
            .collect(),
    )
}

/// [`clean`] for text of several lines: newlines and tabs stay, everything else unsafe goes
/// (a carriage return too, which would let a line overwrite itself).
pub fn clean_block(text: &str) -> Cow<'_, str> {
    let keep = |c: char| c == '\n' || c == '\t';
    let plain = |b: u8| (0x20..0x7f).contains(&b) || b == b'\n' || b == b'\t';
    if text.bytes().all(plain) || !text.chars().any(|c| is_unsafe(c) && !keep(c)) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .filter_map(|c| match c {
                c if keep(c) => Some(c),
                '\u{2028}' | '\u{2029}' => Some('\n'),
                c if is_unsafe(c) => None,
                c => Some(c),
            })
            .collect(),
    )
}

/// A path as shown in a message: lossy UTF-8, cleaned.
pub fn path(path: &Path) -> String {
    clean(&path.to_string_lossy()).into_owned()
}

/// Characters no output may carry: C0 and C1 controls and DEL (tab and newline included; the
/// callers keep those where a line break belongs), the line and paragraph separators, and the
/// invisible format characters: zero-width spaces and joiners, bidirectional marks, embeddings,
/// overrides and isolates, the soft hyphen, the byte-order mark and tag characters. They are
/// invisible or reorder text, so they can hide or disguise what is shown and push columns out
/// of place.
pub fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{00AD}'
                | '\u{034F}'
                | '\u{061C}'
                | '\u{115F}'
                | '\u{1160}'
                | '\u{17B4}'
                | '\u{17B5}'
                | '\u{180B}'..='\u{180F}'
                | '\u{200B}'..='\u{200F}'
                | '\u{2028}'..='\u{202E}'
                | '\u{2060}'..='\u{206F}'
                | '\u{3164}'
                | '\u{FE00}'..='\u{FE0F}'
                | '\u{FEFF}'
                | '\u{FFA0}'
                | '\u{FFF0}'..='\u{FFFB}'
                | '\u{E0000}'..='\u{E0FFF}'
        )
}

/// Checks free text typed by a person (a note, a name) on its way in: `what` names the field.
/// Line breaks and tabs are allowed when `multiline`; nothing else [`is_unsafe`] is.
pub fn check_free_text(what: &str, text: &str, multiline: bool) -> Result<(), String> {
    let bad = text
        .chars()
        .find(|&c| is_unsafe(c) && !(multiline && matches!(c, '\n' | '\t')));
    match bad {
        None => Ok(()),
        Some(c) => Err(format!(
            "the {what} holds a control or invisible formatting character (U+{:04X}); \
             remove it and try again",
            c as u32
        )),
    }
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

/// Cleans a string in place (a `String` or a library `Text`); a clean one is left untouched,
/// so a text borrowed from the built-in library stays borrowed.
pub fn clean_in_place<T: std::ops::Deref<Target = str> + From<String>>(text: &mut T) {
    if let Cow::Owned(cleaned) = clean(text) {
        *text = cleaned.into();
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
    fn plain_ascii_is_kept_as_it_is_and_its_edges_are_not() {
        assert!(matches!(clean("Clamshell 3 x 15 ~!"), Cow::Borrowed(_)));
        // DEL and the C0 controls sit at the edges of printable ASCII.
        assert_eq!(clean("a\u{7f}b\u{1f}c"), "abc");
        assert_eq!(clean("tab\there"), "tab here");
        assert_eq!(clean_block("one\n\ttwo\u{7f}"), "one\n\ttwo");
        assert!(matches!(clean_block("one\n\ttwo"), Cow::Borrowed(_)));
    }

    #[test]
    fn strips_escape_sequences_and_keeps_words() {
        assert_eq!(clean("a\u{1b}[2Jb\u{7}c"), "a[2Jbc");
        assert_eq!(clean("line\nnext\ttab"), "line next tab");
        assert_eq!(clean("\u{9b}31m red \u{202E}x"), "31m red x");
        assert!(matches!(clean("plain é ✓"), Cow::Borrowed(_)));
    }

    #[test]
    fn strips_zero_width_and_bidi_format_characters() {
        for hostile in [
            "a\u{200B}b",
            "a\u{200D}b",
            "a\u{2066}b\u{2069}",
            "a\u{202E}b",
            "\u{FEFF}ab",
            "a\u{00AD}b",
            "a\u{E0041}b",
            "a\u{061C}b",
        ] {
            assert_eq!(clean(hostile).replace(' ', ""), "ab", "{hostile:?}");
            assert!(!clean_block(hostile).chars().any(is_unsafe), "{hostile:?}");
        }
    }

    #[test]
    fn blocks_keep_their_lines_and_lose_the_rest() {
        assert_eq!(
            clean_block("a\tb\nc\r\n\u{1b}]52;c;x\u{7}"),
            "a\tb\nc\n]52;c;x"
        );
        assert_eq!(clean_block("a\u{2028}b"), "a\nb");
        assert_eq!(clean_block("a\u{9b}2Jb\u{7f}"), "a2Jb");
        assert!(matches!(clean_block("line\nnext"), Cow::Borrowed(_)));
    }

    #[test]
    fn free_text_refuses_controls_and_allows_line_breaks_when_asked() {
        assert!(check_free_text("note", "felt fine\nreally\tok", true).is_ok());
        assert!(check_free_text("name", "A. Runner", false).is_ok());
        for bad in [
            "a\u{1b}[2J",
            "a\u{7f}",
            "a\u{85}",
            "a\u{202E}",
            "a\u{200B}",
            "a\rb",
        ] {
            let err = check_free_text("note", bad, true).expect_err(bad);
            assert!(err.contains("U+"), "{err}");
        }
        assert!(check_free_text("name", "a\nb", false).is_err());
    }
}
