//! Untrusted text: control and format characters never reach a terminal or a printout.
//!
//! One rule for every string that is shown or exported, whatever its source (library files,
//! file names and paths, notes, profile fields, key files, environment variables, input quoted
//! in a message): [`is_unsafe`] says which characters go, [`clean`] strips them from one-line
//! text and [`clean_block`] from text that keeps its line breaks. The command line passes all
//! it prints through `clean_block`; free text is checked on the way in by [`check_free_text`].

use std::borrow::Cow;
use std::path::Path;

/// "1 day", "3 days": a count with its noun in the right number.
pub fn count(n: impl Into<u64>, one: &str, many: &str) -> String {
    let n = n.into();
    format!("{n} {}", if n == 1 { one } else { many })
}

/// "Mon", "Mon and Thu", "Mon, Wed and Thu".
pub fn join_and<S: AsRef<str>>(items: &[S]) -> String {
    join_last(items, " and ")
}

/// "a", "a or b", "a, b or c".
pub fn join_or<S: AsRef<str>>(items: &[S]) -> String {
    join_last(items, " or ")
}

fn join_last<S: AsRef<str>>(items: &[S], last: &str) -> String {
    match items {
        [] => String::new(),
        [one] => one.as_ref().to_string(),
        [rest @ .., end] => {
            let head: Vec<&str> = rest.iter().map(AsRef::as_ref).collect();
            format!("{}{last}{}", head.join(", "), end.as_ref())
        }
    }
}

/// Removes unsafe characters (see [`is_unsafe`]) so escape sequences from a file, a name or an
/// argument cannot move the cursor, recolour the screen or reorder text. Tabs and line breaks
/// become spaces, so one field stays on one line.
pub fn clean(text: &str) -> Cow<'_, str> {
    // Printable ASCII is safe as it is: most text is, and a byte test is far cheaper than
    // decoding every character (the library is cleaned at every start).
    if text.bytes().all(|b| (0x20..0x7f).contains(&b)) || !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    let cleaned: String = with_context(text, in_emoji(text))
        .filter_map(|(c, emoji)| match c {
            '\t' | '\n' | '\r' | '\u{2028}' | '\u{2029}' => Some(' '),
            c if is_unsafe(c) && !emoji => None,
            c => Some(c),
        })
        .collect();
    // Only emoji sequences: the text as it was.
    if cleaned == text {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(cleaned)
    }
}

/// [`clean`] for text of several lines: newlines and tabs stay, everything else unsafe goes
/// (a carriage return too, which would let a line overwrite itself).
pub fn clean_block(text: &str) -> Cow<'_, str> {
    let keep = |c: char| c == '\n' || c == '\t';
    let plain = |b: u8| (0x20..0x7f).contains(&b) || b == b'\n' || b == b'\t';
    if text.bytes().all(plain) || !text.chars().any(|c| is_unsafe(c) && !keep(c)) {
        return Cow::Borrowed(text);
    }
    let cleaned: String = with_context(text, in_emoji(text))
        .filter_map(|(c, emoji)| match c {
            c if keep(c) => Some(c),
            '\u{2028}' | '\u{2029}' => Some('\n'),
            c if is_unsafe(c) && !emoji => None,
            c => Some(c),
        })
        .collect();
    if cleaned == text {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(cleaned)
    }
}

/// Each character with whether it belongs to an emoji sequence (see [`in_emoji`]).
fn with_context(text: &str, kept: Option<Vec<bool>>) -> impl Iterator<Item = (char, bool)> + '_ {
    let kept = kept.unwrap_or_default();
    text.chars()
        .enumerate()
        .map(move |(i, c)| (c, kept.get(i).copied().unwrap_or(false)))
}

/// A character that starts or continues an emoji: pictographs, symbols and arrows that have an
/// emoji form, and the keycap bases. Broad on purpose: it only decides whether a joiner or a
/// variation selector next to it is part of a sequence, never whether the character is shown.
fn is_emoji_base(c: char) -> bool {
    matches!(c as u32,
        0x1F000..=0x1FAFF
            | 0x2300..=0x23FF
            | 0x2190..=0x21FF
            | 0x2460..=0x27BF
            | 0x2900..=0x297F
            | 0x2B00..=0x2BFF
            | 0x3030 | 0x303D | 0x3297 | 0x3299
            | 0x00A9 | 0x00AE | 0x203C | 0x2049 | 0x2122 | 0x2139
    ) || matches!(c, '0'..='9' | '#' | '*')
}

/// Which characters [`is_unsafe`] names are, here, parts of an emoji sequence a person typed
/// (a variation selector after an emoji base, a zero-width joiner between two emoji, the tag
/// characters of a subdivision flag), and so are kept. `None` when there is none: then every
/// unsafe character is unsafe. A joiner or selector anywhere else is still refused, so it
/// cannot hide or disguise text.
pub fn in_emoji(text: &str) -> Option<Vec<bool>> {
    let chars: Vec<char> = text.chars().collect();
    let mut kept = vec![false; chars.len()];
    let mut any = false;
    let pictograph = |c: char| is_emoji_base(c) && !c.is_ascii();
    for i in 0..chars.len() {
        let c = chars[i];
        let prev = i.checked_sub(1).map(|p| chars[p]);
        let ok = match c {
            '\u{FE0E}' | '\u{FE0F}' => prev.is_some_and(is_emoji_base),
            '\u{200D}' => {
                let after_emoji = prev.is_some_and(|p| {
                    pictograph(p)
                        || p == '\u{FE0F}' && i >= 2 && kept[i - 1]
                        || p == '\u{E007F}' && kept[i - 1]
                });
                after_emoji && chars.get(i + 1).copied().is_some_and(pictograph)
            }
            '\u{E0020}'..='\u{E007F}' => {
                // A tag run right after a black flag, ending with CANCEL TAG.
                let start = chars[..i]
                    .iter()
                    .rposition(|&p| !('\u{E0020}'..='\u{E007E}').contains(&p));
                let opened = start.is_some_and(|s| chars[s] == '\u{1F3F4}');
                let end = chars[i..]
                    .iter()
                    .position(|&n| !('\u{E0020}'..='\u{E007E}').contains(&n))
                    .map(|n| chars[i + n]);
                opened && end == Some('\u{E007F}')
            }
            _ => false,
        };
        kept[i] = ok;
        any |= ok;
    }
    any.then_some(kept)
}

/// At most `MAX` characters of text quoted in a message, cleaned and on one line, saying how
/// much was left out: an error never echoes a long argument whole.
pub fn excerpt(text: &str) -> String {
    const MAX: usize = 60;
    let cleaned = clean(text);
    let count = cleaned.chars().count();
    if count <= MAX {
        return cleaned.into_owned();
    }
    let head: String = cleaned.chars().take(MAX).collect();
    format!("{head}... ({} more characters)", count - MAX)
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
    let bad = with_context(text, in_emoji(text))
        .find(|&(c, emoji)| is_unsafe(c) && !emoji && !(multiline && matches!(c, '\n' | '\t')))
        .map(|(c, _)| c);
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
    fn lists_join_with_commas_and_a_last_word() {
        assert_eq!(join_and::<&str>(&[]), "");
        assert_eq!(join_and(&["Mon"]), "Mon");
        assert_eq!(join_and(&["Mon", "Thu"]), "Mon and Thu");
        assert_eq!(join_or(&["a", "b", "c"]), "a, b or c");
    }

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

    #[test]
    fn emoji_sequences_are_kept_and_stray_format_characters_are_not() {
        let flag_scotland = "\u{1F3F4}\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}";
        for typed in [
            "❤️ felt great",
            "🏃‍♀️ easy 5k",
            "❄️ icy",
            "👍🏽 fine",
            "🇬🇧 race",
            "1️⃣ first",
            "👨‍👩‍👧 family walk",
            flag_scotland,
        ] {
            assert!(check_free_text("note", typed, true).is_ok(), "{typed:?}");
            assert_eq!(clean(typed), typed, "{typed:?}");
            assert_eq!(clean_block(typed), typed, "{typed:?}");
        }
        for stray in [
            "a\u{200D}b",
            "\u{200D}🏃",
            "🏃\u{200D}",
            "a\u{FE0F}",
            " \u{FE0F}x",
            "a\u{E0067}\u{E007F}",
            "\u{1F3F4}\u{E0067}",
            "🏃\u{200B}x",
            "🏃\u{202E}x",
        ] {
            assert!(check_free_text("note", stray, true).is_err(), "{stray:?}");
            // What cleaning leaves would pass the check: nothing stray survives it.
            assert!(
                check_free_text("x", &clean(stray), true).is_ok(),
                "{stray:?}"
            );
        }
        assert_eq!(clean("a\u{200D}b"), "ab");
        assert_eq!(clean("🏃\u{200D}"), "🏃");
    }

    #[test]
    fn an_excerpt_is_short_clean_and_says_what_it_left_out() {
        assert_eq!(excerpt("short"), "short");
        let long = "x\u{1b}".repeat(100_000);
        let e = excerpt(&long);
        assert!(e.chars().count() < 100, "{e}");
        assert!(e.contains("99940 more characters"), "{e}");
        assert!(!e.contains('\u{1b}'));
    }
}
