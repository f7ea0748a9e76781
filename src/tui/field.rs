//! The one text field every form of the app uses, with the keys people know from a shell
//! line: Left/Right move the cursor, Home/End and Ctrl-A/Ctrl-E jump to either end, Backspace
//! and Delete erase a character, Ctrl-W the word before the cursor, Ctrl-U everything before
//! it; a paste goes in at the cursor as text. A prefilled value starts selected: the first
//! character typed (or pasted) replaces it, while a movement only ends the selection.

use std::cell::Cell;

use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};

use super::action::Action;

/// Columns `text` takes on a terminal (a wide character takes two).
pub fn width_of(text: &str) -> usize {
    textwrap::core::display_width(text)
}

/// The most characters a field holds: a path is at most 4096 bytes on Linux, and a huge paste
/// must not make every frame slow.
pub const MAX_CHARS: usize = 4096;

/// A line of text being typed, its cursor and whether the whole value is selected.
#[derive(Debug, Clone, Default)]
pub struct TextField {
    text: String,
    /// In characters from the start.
    cursor: usize,
    /// The prefilled value, until a key says otherwise.
    selected: bool,
    /// The first character shown when the value is wider than its field; kept between frames
    /// so the text does not jump while the cursor moves inside the view.
    scroll: Cell<usize>,
}

// The scroll is where the last frame happened to be, not part of the value.
impl PartialEq for TextField {
    fn eq(&self, other: &Self) -> bool {
        self.text == other.text && self.cursor == other.cursor && self.selected == other.selected
    }
}

impl Eq for TextField {}

impl From<&str> for TextField {
    fn from(text: &str) -> TextField {
        TextField::with_text(text)
    }
}

impl From<String> for TextField {
    fn from(text: String) -> TextField {
        TextField::with_text(&text)
    }
}

impl PartialEq<&str> for TextField {
    fn eq(&self, other: &&str) -> bool {
        self.text == *other
    }
}

/// What a key did to a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edit {
    /// The text changed.
    Changed,
    /// Only the cursor or the selection changed.
    Moved,
    /// Not an editing key: the caller acts on it (Enter, Esc, Up, Down...).
    Other,
    /// A character the field does not take (the text is unchanged, or took the rest of a
    /// paste without it).
    Refused(char),
}

impl TextField {
    /// An empty field.
    pub fn new() -> TextField {
        TextField::default()
    }

    /// A field holding `text` with the cursor at its end, not selected (a value being
    /// corrected: typing adds to it).
    pub fn with_text(text: &str) -> TextField {
        // A value read back (a profile's notes) keeps its line breaks, so saving the form does
        // not change what was not edited; they show as spaces.
        let text: String = text
            .chars()
            .filter(|c| matches!(c, '\n' | '\t') || !crate::text::is_unsafe(*c))
            .collect();
        TextField {
            cursor: text.chars().count(),
            text,
            ..TextField::default()
        }
    }

    /// A field holding a suggested `text`, selected: typing replaces it.
    pub fn prefilled(text: &str) -> TextField {
        let mut field = TextField::with_text(text);
        field.selected = !field.text.is_empty();
        field
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// The cursor, in characters from the start.
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    /// Whether the prefilled value is still selected.
    pub fn selected(&self) -> bool {
        self.selected
    }

    pub fn clear(&mut self) {
        *self = TextField::new();
    }

    /// Applies an editing key; any character is taken.
    pub fn edit(&mut self, action: &Action) -> Edit {
        self.edit_only(action, |_| true)
    }

    /// Applies an editing key, taking only the characters `accept` allows (a profile name).
    pub fn edit_only(&mut self, action: &Action, accept: impl Fn(char) -> bool) -> Edit {
        let before = self.text.clone();
        let mut refused = None;
        match action {
            Action::Input(c) => {
                if accept(*c) {
                    self.insert(std::iter::once(*c));
                } else {
                    refused = Some(*c);
                }
            }
            Action::Paste(text) => {
                let text = clean(text);
                refused = text.chars().find(|c| !accept(*c));
                if refused.is_none() || text.chars().any(&accept) {
                    self.insert(text.chars().filter(|c| accept(*c)));
                }
            }
            Action::Left => self.move_to(self.cursor.saturating_sub(1)),
            Action::Right => self.move_to(self.cursor + 1),
            Action::LineStart => self.move_to(0),
            Action::LineEnd => self.move_to(usize::MAX),
            Action::Erase | Action::Delete | Action::EraseWord | Action::ClearLine
                if self.selected =>
            {
                // Erasing a selected value erases all of it, as in any text box.
                self.text.clear();
                self.cursor = 0;
                self.selected = false;
            }
            Action::Erase if self.cursor > 0 => self.remove(self.cursor - 1..self.cursor),
            Action::Delete => self.remove(self.cursor..self.cursor + 1),
            Action::ClearLine => self.remove(0..self.cursor),
            Action::EraseWord => {
                // Breaks (spaces, a path's separators) before the cursor, then the word before
                // them: one folder of a path at a time.
                let chars: Vec<char> = self.text.chars().take(self.cursor).collect();
                let mut start = chars.len();
                while start > 0 && is_break(chars[start - 1]) {
                    start -= 1;
                }
                while start > 0 && !is_break(chars[start - 1]) {
                    start -= 1;
                }
                self.remove(start..self.cursor);
            }
            Action::Erase => {}
            _ => return Edit::Other,
        }
        if let Some(c) = refused {
            return Edit::Refused(c);
        }
        // A key that edits with nothing to do (Backspace at the start) counts as a move.
        if self.text != before {
            Edit::Changed
        } else {
            Edit::Moved
        }
    }

    /// Puts `chars` at the cursor (in place of a selected value), up to [`MAX_CHARS`].
    fn insert(&mut self, chars: impl Iterator<Item = char>) {
        if self.selected {
            self.text.clear();
            self.cursor = 0;
            self.selected = false;
        }
        let room = MAX_CHARS.saturating_sub(self.text.chars().count());
        let new: String = chars.take(room).collect();
        let at = self.byte_at(self.cursor);
        self.text.insert_str(at, &new);
        self.cursor += new.chars().count();
    }

    fn move_to(&mut self, cursor: usize) {
        self.selected = false;
        self.cursor = cursor.min(self.text.chars().count());
    }

    /// Removes the characters in `range` (character positions, clamped) and leaves the cursor
    /// where they began.
    fn remove(&mut self, range: std::ops::Range<usize>) {
        let n = self.text.chars().count();
        let (start, end) = (range.start.min(n), range.end.min(n));
        let (a, b) = (self.byte_at(start), self.byte_at(end));
        self.text.replace_range(a..b, "");
        self.cursor = start;
    }

    fn byte_at(&self, chars: usize) -> usize {
        self.text
            .char_indices()
            .nth(chars)
            .map_or(self.text.len(), |(at, _)| at)
    }

    /// The field in `width` columns: the text scrolled so the cursor shows (a reversed cell),
    /// with `ellipsis` where the text goes on out of view. A selected value is all reversed.
    pub fn spans(&self, width: usize, ellipsis: &str) -> Vec<Span<'static>> {
        let cursor_style = Style::new().add_modifier(Modifier::REVERSED);
        let text_style = if self.selected {
            cursor_style
        } else {
            Style::new()
        };
        let chars: Vec<char> = self
            .text
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        let w = |c: char| width_of(c.encode_utf8(&mut [0u8; 4])).max(1);
        let widths: Vec<usize> = chars.iter().map(|c| w(*c)).collect();
        let ew = width_of(ellipsis);
        let cursor = self.cursor.min(chars.len());
        let cursor_w = widths.get(cursor).copied().unwrap_or(1);
        // Whether the cursor cell shows when the view starts at `from`.
        let fits = |from: usize| {
            let left = if from > 0 { ew } else { 0 };
            let upto: usize = widths[from..cursor].iter().sum();
            let after: usize = widths.get(cursor + 1..).map_or(0, |r| r.iter().sum());
            let right = if left + upto + cursor_w + after <= width {
                after
            } else {
                ew
            };
            left + upto + cursor_w + right <= width
        };
        // From last frame's start, as little moved as keeps the cursor in view.
        let mut from = self
            .scroll
            .get()
            .min(cursor)
            .max(cursor.saturating_sub(width));
        while from < cursor && !fits(from) {
            from += 1;
        }
        // No blank room at the end while text before the view is hidden.
        let mut tail: usize = widths[from..].iter().sum::<usize>() + 1;
        while from > 0 && (if from > 1 { ew } else { 0 }) + tail + widths[from - 1] <= width {
            from -= 1;
            tail += widths[from];
        }
        self.scroll.set(from);

        let mut spans = Vec::new();
        let mut used = 0;
        if from > 0 {
            spans.push(Span::raw(ellipsis.to_string()));
            used += ew;
        }
        let before: String = chars[from..cursor].iter().collect();
        used += width_of(&before);
        spans.push(Span::styled(before, text_style));
        let at = chars.get(cursor).map_or(" ".to_string(), |c| c.to_string());
        used += cursor_w;
        spans.push(Span::styled(at, cursor_style));
        let rest = chars.get(cursor + 1..).unwrap_or_default();
        let rest_w: usize = widths.get(cursor + 1..).map_or(0, |r| r.iter().sum());
        if used + rest_w <= width {
            spans.push(Span::styled(rest.iter().collect::<String>(), text_style));
            return spans;
        }
        // Cut on the right, with the ellipsis saying there is more.
        let room = width.saturating_sub(used + ew);
        let mut taken = 0;
        let mut after = String::new();
        for (c, cw) in rest.iter().zip(&widths[cursor + 1..]) {
            if taken + cw > room {
                break;
            }
            taken += cw;
            after.push(*c);
        }
        spans.push(Span::styled(after, text_style));
        spans.push(Span::raw(ellipsis.to_string()));
        spans
    }

    /// `label` then the field in the rest of `width`.
    pub fn line(&self, label: &str, width: usize, ellipsis: &str) -> Line<'static> {
        let mut spans = vec![Span::raw(label.to_string())];
        spans.extend(self.spans(width.saturating_sub(width_of(label)), ellipsis));
        Line::from(spans)
    }
}

/// Text from outside (a paste, a file's name) as one line: line breaks and tabs become spaces
/// (a pasted line's own break at the end goes), other unsafe characters go.
fn clean(text: &str) -> String {
    text.trim_end_matches(['\r', '\n'])
        .chars()
        .map(|c| {
            if matches!(c, '\n' | '\r' | '\t') {
                ' '
            } else {
                c
            }
        })
        .filter(|c| !crate::text::is_unsafe(*c))
        .collect()
}

/// Where Ctrl-W stops: a space, or a path separator (so it takes one folder of a path).
fn is_break(c: char) -> bool {
    c.is_whitespace() || c == '/' || c == '\\'
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(text: &str, cursor: usize) -> TextField {
        let mut f = TextField::with_text(text);
        f.cursor = cursor;
        f
    }

    fn after(mut f: TextField, actions: &[Action]) -> (String, usize) {
        for a in actions {
            f.edit(a);
        }
        (f.text.clone(), f.cursor)
    }

    fn shown(f: &TextField, width: usize) -> String {
        f.spans(width, "…")
            .iter()
            .map(|s| s.content.as_ref())
            .collect()
    }

    #[test]
    fn shell_line_keys_at_the_end() {
        let end = |t: &str| field(t, t.chars().count());
        assert_eq!(after(end("plan.html"), &[Action::Erase]).0, "plan.htm");
        assert_eq!(after(end("/home/me/plan.html"), &[Action::ClearLine]).0, "");
        let word = |t| after(end(t), &[Action::EraseWord]).0;
        assert_eq!(word("/home/me/plan.html"), "/home/me/");
        assert_eq!(word("/home/me/"), "/home/");
        assert_eq!(word("sore after  "), "sore ");
        assert_eq!(word("knä"), "");
        assert_eq!(word(""), "");
    }

    #[test]
    fn editing_in_the_middle() {
        // "knee|pain": the cursor after "knee".
        let f = field("kneepain", 4);
        assert_eq!(
            after(f.clone(), &[Action::Input(' ')]),
            ("knee pain".into(), 5)
        );
        assert_eq!(after(f.clone(), &[Action::Erase]), ("knepain".into(), 3));
        assert_eq!(after(f.clone(), &[Action::Delete]), ("kneeain".into(), 4));
        assert_eq!(after(f.clone(), &[Action::ClearLine]), ("pain".into(), 0));
        assert_eq!(after(f.clone(), &[Action::EraseWord]), ("pain".into(), 0));
        assert_eq!(
            after(f.clone(), &[Action::LineStart]),
            ("kneepain".into(), 0)
        );
        assert_eq!(after(f.clone(), &[Action::LineEnd]), ("kneepain".into(), 8));
        assert_eq!(after(f.clone(), &[Action::Left, Action::Left]).1, 2);
        assert_eq!(after(field("ab", 2), &[Action::Right, Action::Delete]).1, 2);
        assert_eq!(after(field("ab", 0), &[Action::Left, Action::Erase]).1, 0);
        // Characters, not bytes.
        assert_eq!(
            after(field("knä", 3), &[Action::Left, Action::Erase]),
            ("kä".into(), 1)
        );
    }

    #[test]
    fn a_prefilled_value_is_replaced_by_typing_and_kept_by_moving() {
        let f = TextField::prefilled("plan.html");
        assert!(f.selected());
        assert_eq!(after(f.clone(), &[Action::Input('x')]), ("x".into(), 1));
        assert_eq!(
            after(f.clone(), &[Action::Paste("a.md".into())]),
            ("a.md".into(), 4)
        );
        assert_eq!(after(f.clone(), &[Action::Erase]), ("".into(), 0));
        let mut moved = f.clone();
        assert_eq!(moved.edit(&Action::Left), Edit::Moved);
        assert!(!moved.selected());
        assert_eq!(
            after(moved, &[Action::Input('l')]),
            ("plan.htmll".into(), 9)
        );
        let mut home = f;
        home.edit(&Action::LineStart);
        assert_eq!(after(home, &[Action::Input('~')]), ("~plan.html".into(), 1));
    }

    #[test]
    fn a_paste_is_one_line_of_safe_text_at_the_cursor() {
        let f = field("ab", 1);
        let pasted = after(f, &[Action::Paste("x\ty\u{1b}[31m\u{200b}z\r\n".into())]);
        assert_eq!(pasted, ("ax y[31mzb".into(), 9));
        let mut name = TextField::new();
        assert_eq!(
            name.edit_only(&Action::Paste("bob smith".into()), |c| c != ' '),
            Edit::Refused(' ')
        );
        assert_eq!(name.text(), "bobsmith");
        let mut huge = TextField::new();
        huge.edit(&Action::Paste("x".repeat(MAX_CHARS + 10)));
        assert_eq!(huge.text().len(), MAX_CHARS);
    }

    #[test]
    fn a_long_value_scrolls_with_the_cursor_in_view() {
        let f = TextField::with_text("/home/me/plan.html");
        assert_eq!(shown(&TextField::with_text("short"), 10), "short ");
        // The end, and one cell for the cursor after it.
        assert_eq!(shown(&f, 11), "…plan.html ");
        // Home shows the start, cut on the right.
        let mut home = f.clone();
        home.edit(&Action::LineStart);
        assert_eq!(shown(&home, 11), "/home/me/p…");
        // Moving right inside the view does not scroll it.
        home.edit(&Action::Right);
        assert_eq!(shown(&home, 11), "/home/me/p…");
        for _ in 0..9 {
            home.edit(&Action::Right);
        }
        let s = shown(&home, 11);
        assert!(s.starts_with('…') && s.ends_with('…'), "{s}");
        assert_eq!(width_of(&s), 11);
        // Never wider than the field, wherever the cursor is.
        let wide = TextField::with_text("膝膝膝膝膝膝膝膝膝膝");
        for cursor in 0..=10 {
            let f = field(wide.text(), cursor);
            assert!(
                width_of(&shown(&f, 7)) <= 7,
                "cursor {cursor}: {}",
                shown(&f, 7)
            );
        }
    }
}
