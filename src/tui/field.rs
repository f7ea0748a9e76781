//! The editing every text field of the app shares, with the keys people know from a shell
//! line: Backspace deletes a character, Ctrl-W the word before the cursor, Ctrl-U the whole
//! line. The cursor is at the end of the text, where typing goes.

use super::action::Action;

/// Applies an erasing action to `text`; other actions leave it alone.
pub fn erase(text: &mut String, action: &Action) {
    match action {
        Action::Erase => {
            text.pop();
        }
        Action::ClearLine => text.clear(),
        Action::EraseWord => {
            // Spaces (and a path's separators) before the cursor, then the word before them.
            let trimmed = text.trim_end_matches(is_break).len();
            let word_start = text[..trimmed].rfind(is_break).map_or(0, |at| {
                at + text[at..].chars().next().map_or(1, char::len_utf8)
            });
            text.truncate(word_start);
        }
        _ => {}
    }
}

/// Where Ctrl-W stops: a space, or a path separator (so it takes one folder of a path).
fn is_break(c: char) -> bool {
    c.is_whitespace() || c == '/' || c == '\\'
}

/// The part of `text` to show in `width` columns with the cursor after it: the end, where
/// the cursor is, with "…" in front when the start does not fit.
pub fn visible_tail(text: &str, width: usize, ellipsis: &str) -> String {
    use super::screens::list_detail::width_of;
    // One column is kept for the cursor.
    let room = width.saturating_sub(1);
    if width_of(text) <= room {
        return text.to_string();
    }
    let keep = room.saturating_sub(width_of(ellipsis));
    let mut tail: Vec<char> = Vec::new();
    let mut used = 0;
    let mut buf = [0u8; 4];
    for c in text.chars().rev() {
        let w = width_of(c.encode_utf8(&mut buf));
        if used + w > keep {
            break;
        }
        used += w;
        tail.push(c);
    }
    let mut out = ellipsis.to_string();
    out.extend(tail.into_iter().rev());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn erased(text: &str, action: Action) -> String {
        let mut text = text.to_string();
        erase(&mut text, &action);
        text
    }

    #[test]
    fn shell_line_keys() {
        assert_eq!(erased("plan.html", Action::Erase), "plan.htm");
        assert_eq!(erased("/home/me/plan.html", Action::ClearLine), "");
        assert_eq!(erased("/home/me/plan.html", Action::EraseWord), "/home/me/");
        assert_eq!(erased("/home/me/", Action::EraseWord), "/home/");
        assert_eq!(erased("sore after  ", Action::EraseWord), "sore ");
        assert_eq!(erased("knä", Action::EraseWord), "");
        assert_eq!(erased("", Action::EraseWord), "");
    }

    #[test]
    fn a_long_value_shows_its_end() {
        assert_eq!(visible_tail("short", 10, "…"), "short");
        // One column stays free for the cursor.
        assert_eq!(visible_tail("/home/me/plan.html", 11, "…"), "…plan.html");
    }
}
