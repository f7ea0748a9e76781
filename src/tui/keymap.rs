//! One keymap feeds input, the hint bar and the help overlay, so key text is never written twice.
//! A user remaps keys with a partial RON file: `{"Tick": ["space", "enter"], "Quit": ["ctrl-q"]}`;
//! actions left out keep their defaults. Ctrl-C and the digits (partial sets) are fixed.

use std::collections::BTreeMap;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Action;

/// What keys do in a text field, where characters type text: fixed, so a remapped key can
/// never stop a field from being left. The first key of an action is the one its hint shows.
const TYPING_KEYS: [(KeyCode, Action); 12] = [
    (KeyCode::Enter, Action::Select),
    (KeyCode::Esc, Action::Back),
    (KeyCode::Backspace, Action::Erase),
    (KeyCode::Delete, Action::Delete),
    (KeyCode::Left, Action::Left),
    (KeyCode::Right, Action::Right),
    (KeyCode::Home, Action::LineStart),
    (KeyCode::End, Action::LineEnd),
    (KeyCode::Down, Action::Down),
    (KeyCode::Tab, Action::Down),
    (KeyCode::Up, Action::Up),
    (KeyCode::BackTab, Action::Up),
];

/// One key with its modifiers (Shift is folded into the character).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
    /// Alt (Meta): a terminal sends Esc before the key.
    pub alt: bool,
}

impl Key {
    fn plain(code: KeyCode) -> Key {
        Key {
            code,
            ctrl: false,
            alt: false,
        }
    }

    /// Parses `q`, `?`, `space`, `enter`, `esc`, `tab`, `shift-tab`, `up`, `backspace`, `f1` to
    /// `f12`, `ctrl-x`, `alt-x`.
    pub fn parse(text: &str) -> Option<Key> {
        let lower = text.to_ascii_lowercase();
        for (prefix, ctrl) in [("ctrl-", true), ("alt-", false)] {
            if let Some(rest) = lower.strip_prefix(prefix) {
                let mut chars = rest.chars();
                return match (chars.next(), chars.next()) {
                    (Some(c), None) => Some(Key {
                        code: KeyCode::Char(c),
                        ctrl,
                        alt: !ctrl,
                    }),
                    _ => None,
                };
            }
        }
        if let Some(n) = lower
            .strip_prefix('f')
            .and_then(|n| n.parse::<u8>().ok())
            .filter(|n| (1..=12).contains(n))
        {
            return Some(Key::plain(KeyCode::F(n)));
        }
        let code = match lower.as_str() {
            "space" => KeyCode::Char(' '),
            "enter" => KeyCode::Enter,
            "esc" => KeyCode::Esc,
            "tab" => KeyCode::Tab,
            "shift-tab" => KeyCode::BackTab,
            "up" => KeyCode::Up,
            "down" => KeyCode::Down,
            "left" => KeyCode::Left,
            "right" => KeyCode::Right,
            "home" => KeyCode::Home,
            "end" => KeyCode::End,
            "pageup" => KeyCode::PageUp,
            "pagedown" => KeyCode::PageDown,
            "backspace" => KeyCode::Backspace,
            _ => {
                let mut chars = text.chars();
                match (chars.next(), chars.next()) {
                    (Some(c), None) if !c.is_control() && !c.is_ascii_digit() => KeyCode::Char(c),
                    _ => return None,
                }
            }
        };
        Some(Key::plain(code))
    }

    /// The label shown in hints and help: `q`, `Space`, `Enter`, `S-Tab`, `^C`, `↑` (or `Up`).
    pub fn label(self, ascii: bool) -> String {
        let base = match self.code {
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Enter => "Enter".into(),
            KeyCode::Esc => "Esc".into(),
            KeyCode::Tab => "Tab".into(),
            KeyCode::BackTab => "S-Tab".into(),
            KeyCode::Up => if ascii { "Up" } else { "↑" }.into(),
            KeyCode::Down => if ascii { "Down" } else { "↓" }.into(),
            KeyCode::Left => if ascii { "Left" } else { "←" }.into(),
            KeyCode::Right => if ascii { "Right" } else { "→" }.into(),
            KeyCode::Backspace => "Bksp".into(),
            KeyCode::F(n) => format!("F{n}"),
            other => format!("{other:?}"),
        };
        match (self.ctrl, self.alt) {
            (true, _) => format!("^{base}"),
            (false, true) => format!("M-{base}"),
            (false, false) => base,
        }
    }

    fn of(event: &KeyEvent) -> Key {
        let code = match event.code {
            // Terminals differ in whether Shift-Tab arrives as BackTab or Tab+Shift.
            KeyCode::Tab if event.modifiers.contains(KeyModifiers::SHIFT) => KeyCode::BackTab,
            code => code,
        };
        Key {
            code,
            ctrl: event.modifiers.contains(KeyModifiers::CONTROL),
            alt: event.modifiers.contains(KeyModifiers::ALT),
        }
    }
}

/// Actions a user may rebind, in help order, with their default keys.
const DEFAULTS: &[(&str, &[&str])] = &[
    ("Up", &["up", "k"]),
    ("Down", &["down", "j"]),
    ("Left", &["left", "h"]),
    ("Right", &["right", "l"]),
    ("Select", &["enter"]),
    ("Back", &["esc"]),
    ("NextView", &["tab"]),
    ("PrevView", &["shift-tab"]),
    ("PrevWeek", &["[", "pageup"]),
    ("NextWeek", &["]", "pagedown"]),
    ("ThisWeek", &["home"]),
    ("Tick", &["space"]),
    ("Skip", &["x"]),
    ("Timer", &["t"]),
    ("Pain", &["p"]),
    ("Search", &["/"]),
    ("New", &["n"]),
    ("Yes", &["y"]),
    ("Edit", &["e"]),
    ("Write", &["w"]),
    ("Import", &["i"]),
    ("Help", &["?", "f1"]),
    ("Quit", &["q"]),
];

fn action_named(name: &str) -> Option<Action> {
    Some(match name {
        "Up" => Action::Up,
        "Down" => Action::Down,
        "Left" => Action::Left,
        "Right" => Action::Right,
        "Select" => Action::Select,
        "Back" => Action::Back,
        "NextView" => Action::NextView,
        "PrevView" => Action::PrevView,
        "PrevWeek" => Action::PrevWeek,
        "NextWeek" => Action::NextWeek,
        "ThisWeek" => Action::ThisWeek,
        "Tick" => Action::Tick,
        "Skip" => Action::Skip,
        "Timer" => Action::Timer,
        "Pain" => Action::Pain,
        "Search" => Action::Search,
        "New" => Action::New,
        "Yes" => Action::Yes,
        "Edit" => Action::Edit,
        "Write" => Action::Write,
        "Import" => Action::Import,
        "Help" => Action::Help,
        "Quit" => Action::Quit,
        _ => return None,
    })
}

/// The action a key has by default, by name.
fn default_action_of(key: Key) -> Option<&'static str> {
    DEFAULTS
        .iter()
        .find(|(_, keys)| keys.iter().any(|k| Key::parse(k) == Some(key)))
        .map(|(name, _)| *name)
}

/// Position of the `nth` (0-based) `"needle"` in `text`, or of the first when there are fewer.
fn nth_quoted(text: &str, needle: &str, nth: usize) -> (usize, usize) {
    let quoted = format!("\"{needle}\"");
    text.match_indices(&quoted).nth(nth).map_or_else(
        || crate::text::position_of_quoted(text, needle),
        |(at, _)| crate::text::line_column(text, at),
    )
}

/// A key file's entries in file order, each one kept (a map would drop a repeated action).
struct Entries(Vec<(String, Vec<String>)>);

impl<'de> serde::Deserialize<'de> for Entries {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visit;
        impl<'de> serde::de::Visitor<'de> for Visit {
            type Value = Entries;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a map of action names to lists of keys")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut m: A,
            ) -> Result<Entries, A::Error> {
                let mut entries = Vec::new();
                while let Some(entry) = m.next_entry::<String, Vec<String>>()? {
                    entries.push(entry);
                }
                Ok(Entries(entries))
            }
        }
        d.deserialize_map(Visit)
    }
}

/// Keys bound to actions.
#[derive(Debug, Clone)]
pub struct Keymap {
    /// In help order; each action once, with its keys.
    bindings: Vec<(Action, Vec<Key>)>,
}

impl Default for Keymap {
    fn default() -> Self {
        let bindings = DEFAULTS
            .iter()
            .filter_map(|(name, keys)| {
                let keys = keys.iter().filter_map(|k| Key::parse(k)).collect();
                action_named(name).map(|a| (a, keys))
            })
            .collect();
        Keymap { bindings }
    }
}

impl Keymap {
    /// The defaults with a user's partial RON file laid over them. An unknown action or key is
    /// an error naming it, so a typo is never silently ignored. See [`Keymap::with_overrides_checked`]
    /// for conflicts.
    pub fn with_overrides(text: &str) -> Result<Keymap, String> {
        Keymap::with_overrides_checked(text).map(|(map, _)| map)
    }

    /// [`Keymap::with_overrides`], with the conflicts it settled: a key given to two actions, or
    /// a fixed key (Ctrl-C) given to one, keeps its default meaning, and each such conflict is
    /// returned as `line:column: ...` for the caller to report. Everything shown is cleaned.
    pub fn with_overrides_checked(text: &str) -> Result<(Keymap, Vec<String>), String> {
        use crate::text::clean;
        let entries: Entries = ron::from_str(text).map_err(|e| {
            format!(
                "{}:{}: {}",
                e.position.line,
                e.position.col,
                clean(&e.code.to_string())
            )
        })?;
        let at = |needle: &str, nth: usize| {
            let (line, column) = nth_quoted(text, needle, nth);
            format!("{line}:{column}")
        };
        // A map would keep only the last of an action named twice, dropping a binding unseen.
        let mut wanted: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for (name, keys) in entries.0 {
            if wanted.contains_key(&name) {
                return Err(format!(
                    "{}: the action `{}` is named twice; give all its keys in one list, like \
                     {{\"{}\": [\"a\", \"b\"]}}",
                    at(&name, 1),
                    clean(&name),
                    clean(&name)
                ));
            }
            wanted.insert(name, keys);
        }
        // Every action and key checked first; (action name, key, its text) in file order.
        let mut claims: Vec<(&str, Action, Key, &str)> = Vec::new();
        let mut actions = Vec::new();
        for (name, keys) in &wanted {
            let action = action_named(name).ok_or_else(|| {
                let names: Vec<&str> = DEFAULTS.iter().map(|(n, _)| *n).collect();
                format!(
                    "{}: unknown action `{}`; use one of {}",
                    at(name, 0),
                    clean(name),
                    names.join(", ")
                )
            })?;
            for k in keys {
                let key = Key::parse(k).ok_or_else(|| {
                    format!("{}: `{}` is not a key (for {name})", at(k, 0), clean(k))
                })?;
                claims.push((name, action.clone(), key, k));
            }
            actions.push(action);
        }
        let mut warnings = Vec::new();
        let mut contested: Vec<Key> = Vec::new();
        let mut seen: Vec<(Key, &str, &str)> = Vec::new();
        let mut uses: BTreeMap<&str, usize> = BTreeMap::new();
        for (name, _, key, k) in &claims {
            let nth = *uses.entry(k).and_modify(|n| *n += 1).or_insert(0);
            if key.ctrl && key.code == KeyCode::Char('c') {
                warnings.push(format!(
                    "{}: `{}` always quits at once and cannot be given to {name}; ignored",
                    at(k, nth),
                    clean(k)
                ));
                contested.push(*key);
            } else if let Some((_, first, _)) =
                seen.iter().find(|(s, first, _)| s == key && first != name)
            {
                let keeps = default_action_of(*key)
                    .map_or("no action".to_string(), |a| format!("its default, {a}"));
                warnings.push(format!(
                    "{}: `{}` is given to both {first} and {name}; it keeps {keeps}",
                    at(k, nth),
                    clean(k)
                ));
                contested.push(*key);
            }
            seen.push((*key, name, k));
        }
        let mut map = Keymap::default();
        for action in actions {
            let keys: Vec<Key> = claims
                .iter()
                .filter(|(_, a, key, _)| *a == action && !contested.contains(key))
                .map(|(_, _, key, _)| *key)
                .fold(Vec::new(), |mut keys, key| {
                    if !keys.contains(&key) {
                        keys.push(key);
                    }
                    keys
                });
            // A key the user moved to this action leaves its old one.
            for (_, bound) in &mut map.bindings {
                bound.retain(|b| !keys.contains(b));
            }
            if let Some((_, bound)) = map.bindings.iter_mut().find(|(a, _)| *a == action) {
                *bound = keys;
            }
        }
        // A contested key goes back to its default action (or to none).
        for key in contested {
            for (_, bound) in &mut map.bindings {
                bound.retain(|b| *b != key);
            }
            if let Some(name) = default_action_of(key)
                && let Some(action) = action_named(name)
                && let Some((_, bound)) = map.bindings.iter_mut().find(|(a, _)| *a == action)
            {
                bound.push(key);
            }
        }
        Ok((map, warnings))
    }

    /// The action for a key. `typing` is true in a text field, where characters are text and
    /// only Ctrl-C, Esc, Enter, Tab, Up and Down keep their meaning; the other keys edit.
    pub fn resolve(&self, event: &KeyEvent, typing: bool) -> Option<Action> {
        let key = Key::of(event);
        if key.ctrl && key.code == KeyCode::Char('c') {
            return Some(Action::ForceQuit);
        }
        if typing {
            if let Some((_, action)) = TYPING_KEYS.iter().find(|(code, _)| *code == key.code) {
                return Some(action.clone());
            }
            // Typed text never takes a control or invisible formatting character.
            return match key.code {
                KeyCode::Char('u') if key.ctrl => Some(Action::ClearLine),
                KeyCode::Char('w') if key.ctrl => Some(Action::EraseWord),
                KeyCode::Char('a') if key.ctrl => Some(Action::LineStart),
                KeyCode::Char('e') if key.ctrl => Some(Action::LineEnd),
                KeyCode::Char(c) if !key.ctrl && !key.alt && !crate::text::is_unsafe(c) => {
                    Some(Action::Input(c))
                }
                _ => None,
            };
        }
        if let KeyCode::Char(c @ '0'..='9') = key.code
            && !key.ctrl
            && !key.alt
        {
            return c.to_digit(10).map(Action::Sets);
        }
        self.bindings
            .iter()
            .find(|(_, keys)| keys.contains(&key))
            .map(|(action, _)| action.clone())
    }

    /// An Alt key bound to nothing, as the two keys a terminal sends for it: Esc, then the key.
    /// A slow link can deliver Esc and the next key typed in one read, which the reader takes
    /// for Alt; unless Alt and that key means something here, both keys stand.
    pub fn unbound_alt(&self, event: &KeyEvent, typing: bool) -> Option<[KeyEvent; 2]> {
        let alt = event.modifiers.contains(KeyModifiers::ALT);
        if !alt || !matches!(event.code, KeyCode::Char(_)) || self.resolve(event, typing).is_some()
        {
            return None;
        }
        let esc = KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE);
        Some([
            esc,
            KeyEvent::new(event.code, event.modifiers - KeyModifiers::ALT),
        ])
    }

    /// The key shown for an action while a text field has the keys: the fixed typing keys
    /// (Enter, Esc, the arrows), not the remappable ones that type text there.
    pub fn typing_key_for(&self, action: &Action, ascii: bool) -> String {
        TYPING_KEYS
            .iter()
            .find(|(_, a)| a == action)
            .map(|(code, _)| Key::plain(*code).label(ascii))
            .unwrap_or_else(|| self.key_for(action, ascii))
    }

    /// The first key of an action, as shown in hints ("" when unbound).
    pub fn key_for(&self, action: &Action, ascii: bool) -> String {
        if let Action::Sets(_) = action {
            return "0-9".into();
        }
        self.bindings
            .iter()
            .find(|(a, _)| a == action)
            .and_then(|(_, keys)| keys.first())
            .map(|k| k.label(ascii))
            .unwrap_or_default()
    }

    /// Every binding for the help overlay: (keys, what they do).
    pub fn help_rows(&self, ascii: bool) -> Vec<(String, &'static str)> {
        let mut rows: Vec<(String, &'static str)> = self
            .bindings
            .iter()
            .map(|(action, keys)| {
                let labels: Vec<String> = keys.iter().map(|k| k.label(ascii)).collect();
                (labels.join(" "), action.describe())
            })
            .collect();
        rows.push(("0-9".into(), Action::Sets(0).describe()));
        rows.push(("Home ^A".into(), Action::LineStart.describe()));
        rows.push(("End ^E".into(), Action::LineEnd.describe()));
        rows.push(("Del".into(), Action::Delete.describe()));
        rows.push(("^U".into(), Action::ClearLine.describe()));
        rows.push(("^W".into(), Action::EraseWord.describe()));
        rows.push(("^C".into(), Action::ForceQuit.describe()));
        rows
    }

    /// Every action a user can bind, for tests that check help covers them all.
    pub fn bindable() -> Vec<Action> {
        DEFAULTS
            .iter()
            .filter_map(|(n, _)| action_named(n))
            .collect()
    }
}
