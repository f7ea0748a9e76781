//! Bytes from the terminal -> key events. The app reads standard input itself (instead of
//! crossterm's event reader) so that end-of-file on a hung-up terminal ends the loop instead of
//! spinning: crossterm 0.29 retries a permanently readable dead tty forever.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// Parses one read's worth of bytes. An Esc byte alone in a read is the Esc key; an escape
/// sequence that is not understood is dropped whole rather than typed as text.
pub fn parse_keys(bytes: &[u8]) -> Vec<KeyEvent> {
    let mut keys = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        i += 1;
        let key = match b {
            0x1b => {
                let (key, used) = escape(&bytes[i..]);
                i += used;
                match key {
                    Some(k) => k,
                    None => continue,
                }
            }
            b'\r' | b'\n' => plain(KeyCode::Enter),
            b'\t' => plain(KeyCode::Tab),
            0x7f | 0x08 => plain(KeyCode::Backspace),
            0x01..=0x1a => {
                KeyEvent::new(KeyCode::Char((b - 1 + b'a') as char), KeyModifiers::CONTROL)
            }
            0x00 | 0x1c..=0x1f => continue,
            _ => {
                // A UTF-8 character: take its continuation bytes too.
                let len = match b {
                    0xc0..=0xdf => 2,
                    0xe0..=0xef => 3,
                    0xf0..=0xf7 => 4,
                    _ => 1,
                };
                let end = (i - 1 + len).min(bytes.len());
                let text = String::from_utf8_lossy(&bytes[i - 1..end]).into_owned();
                i = end;
                match text.chars().next() {
                    Some(c) if !c.is_control() && c != char::REPLACEMENT_CHARACTER => {
                        plain(KeyCode::Char(c))
                    }
                    _ => continue,
                }
            }
        };
        keys.push(key);
    }
    keys
}

fn plain(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

/// After an Esc byte: (the key, bytes used).
fn escape(rest: &[u8]) -> (Option<KeyEvent>, usize) {
    match rest.first() {
        None | Some(0x1b) => (Some(plain(KeyCode::Esc)), 0),
        Some(b'[') | Some(b'O') => {
            // CSI or SS3: parameters then one final byte in 0x40..=0x7e.
            let Some(end) = rest[1..].iter().position(|b| (0x40..=0x7e).contains(b)) else {
                return (None, rest.len());
            };
            let params = &rest[1..1 + end];
            let fin = rest[1 + end];
            let used = end + 2;
            let code = match (fin, params) {
                (b'A', _) => KeyCode::Up,
                (b'B', _) => KeyCode::Down,
                (b'C', _) => KeyCode::Right,
                (b'D', _) => KeyCode::Left,
                (b'H', _) => KeyCode::Home,
                (b'F', _) => KeyCode::End,
                (b'Z', _) => {
                    return (
                        Some(KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT)),
                        used,
                    );
                }
                (b'~', b"5") => KeyCode::PageUp,
                (b'~', b"6") => KeyCode::PageDown,
                (b'~', b"3") => KeyCode::Delete,
                _ => return (None, used),
            };
            (Some(plain(code)), used)
        }
        // Alt+key arrives as Esc then the key; treat it as the key alone.
        Some(_) => (None, 0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_from_bytes() {
        let cases: &[(&[u8], Vec<KeyCode>)] = &[
            (b"q", vec![KeyCode::Char('q')]),
            (b"\x1b", vec![KeyCode::Esc]),
            (b"\x1b[A\x1b[B", vec![KeyCode::Up, KeyCode::Down]),
            (b"\x1bOC", vec![KeyCode::Right]),
            (b"\r ", vec![KeyCode::Enter, KeyCode::Char(' ')]),
            (b"\x1b[Z", vec![KeyCode::BackTab]),
            (b"\x1b[5~x", vec![KeyCode::PageUp, KeyCode::Char('x')]),
            (
                "é?".as_bytes(),
                vec![KeyCode::Char('é'), KeyCode::Char('?')],
            ),
            (b"\x1b[99;5X", vec![]),
        ];
        for (bytes, want) in cases {
            let got: Vec<KeyCode> = parse_keys(bytes).into_iter().map(|k| k.code).collect();
            assert_eq!(&got, want, "bytes {bytes:?}");
        }
        let ctrl_c = parse_keys(b"\x03");
        assert_eq!(ctrl_c[0].code, KeyCode::Char('c'));
        assert!(ctrl_c[0].modifiers.contains(KeyModifiers::CONTROL));
    }
}
