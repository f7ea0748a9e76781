//! Bytes from the terminal -> key events. The app reads standard input itself (instead of
//! crossterm's event reader) so that end-of-file on a hung-up terminal ends the loop instead of
//! spinning: crossterm 0.29 retries a permanently readable dead tty forever.
//!
//! A [`Reader`] keeps the bytes of a key not yet complete between reads (an escape sequence or a
//! UTF-8 character split across two reads), and tells a lone Esc from the start of a sequence
//! by time: bytes that stay incomplete for [`ESC_TIMEOUT`] are flushed (a lone Esc is the Esc
//! key). [`read_keys`] runs it over a byte stream until the stream ends.

use std::io::Read;
use std::sync::mpsc;
use std::time::Duration;

use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

/// How long an Esc waits for the rest of a sequence before it counts as the Esc key. Terminals
/// send a whole sequence at once, so a short wait tells them apart without slowing Esc down.
pub const ESC_TIMEOUT: Duration = Duration::from_millis(40);

/// A sequence longer than this is not a key: it is dropped rather than waited on forever.
const MAX_SEQUENCE: usize = 32;

/// Bytes to keys, across reads.
#[derive(Debug, Default)]
pub struct Reader {
    pending: Vec<u8>,
}

/// What the bytes at the front make.
enum Parsed {
    /// A key (or nothing, for bytes that are dropped) and the bytes it used.
    Key(Option<KeyEvent>, usize),
    /// Pasted text (between the bracketed-paste markers) and the bytes it used.
    Paste(String, usize),
    /// The bytes so far are the start of a key: wait for more.
    Incomplete,
}

impl Reader {
    /// Takes one read's bytes; returns the keys they complete. A key not yet complete waits
    /// for the next read (or for [`Reader::flush`]).
    pub fn feed(&mut self, bytes: &[u8]) -> Vec<Event> {
        self.pending.extend_from_slice(bytes);
        let mut keys = Vec::new();
        let mut at = 0;
        while at < self.pending.len() {
            match parse(&self.pending[at..]) {
                Parsed::Key(key, used) => {
                    keys.extend(key.map(Event::Key));
                    at += used.max(1);
                }
                Parsed::Paste(text, used) => {
                    keys.push(Event::Paste(text));
                    at += used;
                }
                Parsed::Incomplete => break,
            }
        }
        self.pending.drain(..at);
        keys
    }

    /// Whether bytes wait for the rest of their key, and should stop waiting after
    /// [`ESC_TIMEOUT`]. A paste waits for its end marker however long it takes to arrive:
    /// cut short, its rest would be typed as keys (a line break pressing Enter).
    pub fn pending(&self) -> bool {
        !self.pending.is_empty() && !self.pending.starts_with(PASTE_START)
    }

    /// Nothing more came in time: an Esc alone is the Esc key; a sequence or character cut
    /// short is dropped whole rather than typed as text.
    pub fn flush(&mut self) -> Vec<Event> {
        let pending = std::mem::take(&mut self.pending);
        match pending.as_slice() {
            [0x1b] => vec![Event::Key(plain(KeyCode::Esc))],
            // Esc then the start of a sequence that never finished: the Esc stands.
            [0x1b, 0x1b, ..] => vec![Event::Key(plain(KeyCode::Esc))],
            _ => Vec::new(),
        }
    }
}

/// Parses one read's worth of bytes as if nothing more followed (a lone Esc is the Esc key).
pub fn parse_keys(bytes: &[u8]) -> Vec<Event> {
    let mut reader = Reader::default();
    let mut keys = reader.feed(bytes);
    keys.extend(reader.flush());
    keys
}

/// Reads `input` until it ends or fails (a dropped terminal), handing each key to `emit`;
/// stops early when `emit` returns false. Incomplete keys wait [`ESC_TIMEOUT`] for the rest.
/// The read itself blocks on its own thread, so the wait can time out.
pub fn read_keys(input: impl Read + Send, mut emit: impl FnMut(Event) -> bool) {
    let (tx, rx) = mpsc::channel::<Vec<u8>>();
    std::thread::scope(|scope| {
        scope.spawn(move || {
            let mut input = input;
            let mut buf = [0u8; 1024];
            loop {
                match input.read(&mut buf) {
                    // End of file: the terminal is gone. Stop; never retry.
                    Ok(0) => break,
                    Ok(n) => {
                        if tx.send(buf[..n].to_vec()).is_err() {
                            break;
                        }
                    }
                    Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                    Err(_) => break,
                }
            }
        });
        let mut reader = Reader::default();
        loop {
            let bytes = if reader.pending() {
                match rx.recv_timeout(ESC_TIMEOUT) {
                    Ok(bytes) => Some(bytes),
                    Err(mpsc::RecvTimeoutError::Timeout) => {
                        if !reader.flush().into_iter().all(&mut emit) {
                            return;
                        }
                        continue;
                    }
                    Err(mpsc::RecvTimeoutError::Disconnected) => None,
                }
            } else {
                rx.recv().ok()
            };
            let Some(bytes) = bytes else {
                reader.flush().into_iter().all(&mut emit);
                return;
            };
            if !reader.feed(&bytes).into_iter().all(&mut emit) {
                return;
            }
        }
    });
}

fn plain(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

/// The key at the front of `bytes` (never empty).
fn parse(bytes: &[u8]) -> Parsed {
    let b = bytes[0];
    let key = match b {
        0x1b => return escape(bytes),
        b'\r' | b'\n' => plain(KeyCode::Enter),
        b'\t' => plain(KeyCode::Tab),
        0x7f | 0x08 => plain(KeyCode::Backspace),
        0x01..=0x1a => KeyEvent::new(KeyCode::Char((b - 1 + b'a') as char), KeyModifiers::CONTROL),
        0x00 | 0x1c..=0x1f => return Parsed::Key(None, 1),
        _ => {
            // A UTF-8 character: wait for its continuation bytes when they are still to come.
            let len = match b {
                0xc0..=0xdf => 2,
                0xe0..=0xef => 3,
                0xf0..=0xf7 => 4,
                _ => 1,
            };
            let continuing = bytes[1..].iter().take(len - 1).all(|c| c & 0xc0 == 0x80);
            if bytes.len() < len && continuing {
                return Parsed::Incomplete;
            }
            let end = len.min(bytes.len());
            return match std::str::from_utf8(&bytes[..end])
                .ok()
                .and_then(|s| s.chars().next())
            {
                Some(c) if !c.is_control() => Parsed::Key(Some(plain(KeyCode::Char(c))), end),
                // Not UTF-8 after all: drop the first byte and go on from the next.
                _ => Parsed::Key(None, 1),
            };
        }
    };
    Parsed::Key(Some(key), 1)
}

/// The markers a terminal in bracketed-paste mode puts around pasted text.
const PASTE_START: &[u8] = b"\x1b[200~";
const PASTE_END: &[u8] = b"\x1b[201~";

/// An Esc byte and what follows it.
fn escape(bytes: &[u8]) -> Parsed {
    if bytes.starts_with(PASTE_START) {
        let body = &bytes[PASTE_START.len()..];
        return match body.windows(PASTE_END.len()).position(|w| w == PASTE_END) {
            Some(end) => Parsed::Paste(
                String::from_utf8_lossy(&body[..end]).into_owned(),
                PASTE_START.len() + end + PASTE_END.len(),
            ),
            None => Parsed::Incomplete,
        };
    }
    match bytes.get(1) {
        // Esc alone so far: a key, or the start of a sequence still on its way.
        None => Parsed::Incomplete,
        // Esc Esc: the first is the Esc key.
        Some(0x1b) => Parsed::Key(Some(plain(KeyCode::Esc)), 1),
        Some(b'[') | Some(b'O') => sequence(bytes),
        // Esc then a printable key in the same read: Alt and that key, as terminals send
        // Alt (Meta) keys. A lone Esc typed before a key arrives in a read of its own (the
        // reader waits ESC_TIMEOUT before it flushes one).
        Some(_) => match parse(&bytes[1..]) {
            Parsed::Key(Some(k), used)
                if matches!(k.code, KeyCode::Char(_)) && k.modifiers.is_empty() =>
            {
                let mut k = k;
                k.modifiers |= KeyModifiers::ALT;
                Parsed::Key(Some(k), 1 + used)
            }
            Parsed::Incomplete => Parsed::Incomplete,
            _ => Parsed::Key(Some(plain(KeyCode::Esc)), 1),
        },
    }
}

/// A CSI (`Esc [`) or SS3 (`Esc O`) sequence: parameters, then one final byte.
fn sequence(bytes: &[u8]) -> Parsed {
    let body = &bytes[2..];
    let Some(end) = body.iter().position(|b| !(0x20..=0x3f).contains(b)) else {
        if bytes.len() > MAX_SEQUENCE {
            return Parsed::Key(None, bytes.len());
        }
        return Parsed::Incomplete;
    };
    let fin = body[end];
    if !(0x40..=0x7e).contains(&fin) {
        // Not a sequence after all: the Esc is a key and the rest is read again.
        return Parsed::Key(Some(plain(KeyCode::Esc)), 1);
    }
    let used = 2 + end + 1;
    let params = std::str::from_utf8(&body[..end]).unwrap_or("");
    let mut numbers = params.split(';').map(|p| p.parse::<u8>().ok());
    let first = numbers.next().flatten();
    let modifiers = modifiers(numbers.next().flatten());
    let code = match (fin, first) {
        (b'A', _) => KeyCode::Up,
        (b'B', _) => KeyCode::Down,
        (b'C', _) => KeyCode::Right,
        (b'D', _) => KeyCode::Left,
        (b'H', _) | (b'~', Some(1 | 7)) => KeyCode::Home,
        (b'F', _) | (b'~', Some(4 | 8)) => KeyCode::End,
        (b'Z', _) => {
            return Parsed::Key(
                Some(KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT)),
                used,
            );
        }
        // Function keys: F1-F4 as SS3 or CSI P-S (xterm), the rest as numbered `~` keys.
        (b'P', _) => KeyCode::F(1),
        (b'Q', _) => KeyCode::F(2),
        (b'R', _) => KeyCode::F(3),
        (b'S', _) => KeyCode::F(4),
        (b'~', Some(n @ 11..=15)) => KeyCode::F(n - 10),
        (b'~', Some(n @ 17..=21)) => KeyCode::F(n - 11),
        (b'~', Some(n @ 23..=24)) => KeyCode::F(n - 12),
        (b'~', Some(2)) => KeyCode::Insert,
        (b'~', Some(3)) => KeyCode::Delete,
        (b'~', Some(5)) => KeyCode::PageUp,
        (b'~', Some(6)) => KeyCode::PageDown,
        _ => return Parsed::Key(None, used),
    };
    Parsed::Key(Some(KeyEvent::new(code, modifiers)), used)
}

/// xterm's modifier parameter: 1 + (Shift 1, Alt 2, Ctrl 4).
fn modifiers(param: Option<u8>) -> KeyModifiers {
    let bits = param.map_or(0, |p| p.saturating_sub(1));
    let mut m = KeyModifiers::NONE;
    if bits & 1 != 0 {
        m |= KeyModifiers::SHIFT;
    }
    if bits & 2 != 0 {
        m |= KeyModifiers::ALT;
    }
    if bits & 4 != 0 {
        m |= KeyModifiers::CONTROL;
    }
    m
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every key the reader knows, with its bytes.
    fn known() -> Vec<(&'static [u8], KeyCode, KeyModifiers)> {
        let none = KeyModifiers::NONE;
        vec![
            (b"q", KeyCode::Char('q'), none),
            ("é".as_bytes(), KeyCode::Char('é'), none),
            ("膝".as_bytes(), KeyCode::Char('膝'), none),
            ("🦵".as_bytes(), KeyCode::Char('🦵'), none),
            (b"\r", KeyCode::Enter, none),
            (b"\t", KeyCode::Tab, none),
            (b"\x7f", KeyCode::Backspace, none),
            (b"\x03", KeyCode::Char('c'), KeyModifiers::CONTROL),
            (b"\x1b[A", KeyCode::Up, none),
            (b"\x1b[B", KeyCode::Down, none),
            (b"\x1b[C", KeyCode::Right, none),
            (b"\x1b[D", KeyCode::Left, none),
            (b"\x1bOA", KeyCode::Up, none),
            (b"\x1bOC", KeyCode::Right, none),
            (b"\x1b[H", KeyCode::Home, none),
            (b"\x1b[F", KeyCode::End, none),
            (b"\x1bOH", KeyCode::Home, none),
            (b"\x1bOF", KeyCode::End, none),
            (b"\x1b[1~", KeyCode::Home, none),
            (b"\x1b[4~", KeyCode::End, none),
            (b"\x1b[7~", KeyCode::Home, none),
            (b"\x1b[8~", KeyCode::End, none),
            (b"\x1b[2~", KeyCode::Insert, none),
            (b"\x1b[3~", KeyCode::Delete, none),
            (b"\x1b[5~", KeyCode::PageUp, none),
            (b"\x1b[6~", KeyCode::PageDown, none),
            (b"\x1b[Z", KeyCode::BackTab, KeyModifiers::SHIFT),
            (b"\x1b[1;5A", KeyCode::Up, KeyModifiers::CONTROL),
            (b"\x1b[1;2B", KeyCode::Down, KeyModifiers::SHIFT),
            (b"\x1b[1;3C", KeyCode::Right, KeyModifiers::ALT),
            (
                b"\x1b[1;6D",
                KeyCode::Left,
                KeyModifiers::CONTROL | KeyModifiers::SHIFT,
            ),
            (b"\x1b[3;5~", KeyCode::Delete, KeyModifiers::CONTROL),
            (b"\x1bOP", KeyCode::F(1), none),
            (b"\x1bOS", KeyCode::F(4), none),
            (b"\x1b[11~", KeyCode::F(1), none),
            (b"\x1b[15~", KeyCode::F(5), none),
            (b"\x1b[17~", KeyCode::F(6), none),
            (b"\x1b[21~", KeyCode::F(10), none),
            (b"\x1b[24~", KeyCode::F(12), none),
            (b"\x1b[1;2P", KeyCode::F(1), KeyModifiers::SHIFT),
            (b"\x1bx", KeyCode::Char('x'), KeyModifiers::ALT),
            ("\x1bé".as_bytes(), KeyCode::Char('é'), KeyModifiers::ALT),
        ]
    }

    fn codes(events: &[Event]) -> Vec<(KeyCode, KeyModifiers)> {
        events
            .iter()
            .map(|e| match e {
                Event::Key(k) => (k.code, k.modifiers),
                other => panic!("not a key: {other:?}"),
            })
            .collect()
    }

    #[test]
    fn a_bracketed_paste_is_one_event_however_it_is_split() {
        let bytes: &[u8] = b"a\x1b[200~/tmp/pl\xc3\xa4n\r\nq\x1b[201~b";
        for cut in 0..=bytes.len() {
            let mut reader = Reader::default();
            let mut events = reader.feed(&bytes[..cut]);
            // However long the rest takes, an unfinished paste is not flushed as keys.
            assert!(!reader.pending() || (2..7).contains(&cut), "split at {cut}");
            events.extend(reader.feed(&bytes[cut..]));
            assert_eq!(
                events,
                [
                    Event::Key(plain(KeyCode::Char('a'))),
                    Event::Paste("/tmp/plän\r\nq".into()),
                    Event::Key(plain(KeyCode::Char('b'))),
                ],
                "split at {cut}"
            );
        }
    }

    #[test]
    fn every_key_split_at_every_position_is_one_key() {
        for (bytes, code, mods) in known() {
            for cut in 0..=bytes.len() {
                let mut reader = Reader::default();
                let mut keys = reader.feed(&bytes[..cut]);
                keys.extend(reader.feed(&bytes[cut..]));
                assert_eq!(codes(&keys), [(code, mods)], "{bytes:?} split at {cut}");
                assert!(!reader.pending(), "{bytes:?} split at {cut}: bytes left");
            }
        }
    }

    #[test]
    fn esc_then_any_key_in_one_read_is_alt_and_a_character_or_esc_then_the_key() {
        for (bytes, code, mods) in known() {
            let mut read = vec![0x1b];
            read.extend_from_slice(bytes);
            let mut reader = Reader::default();
            let mut keys = reader.feed(&read);
            // A lone Esc waits; the timeout flushes it. Whatever else came stands.
            keys.extend(reader.flush());
            // A character is Alt and that character (the app splits it again when Alt and the
            // character is bound to nothing: `Keymap::unbound_alt`); any other key is Esc, then
            // the key.
            let want = match code {
                KeyCode::Char(_) if bytes[0] != 0x1b && mods.is_empty() => {
                    vec![(code, KeyModifiers::ALT)]
                }
                _ => vec![(KeyCode::Esc, KeyModifiers::NONE), (code, mods)],
            };
            assert_eq!(codes(&keys), want, "Esc + {bytes:?}");
        }
    }

    #[test]
    fn a_lone_esc_waits_for_the_timeout_then_is_esc() {
        let mut reader = Reader::default();
        assert!(reader.feed(b"\x1b").is_empty());
        assert!(reader.pending());
        assert_eq!(codes(&reader.flush()), [(KeyCode::Esc, KeyModifiers::NONE)]);
        // A sequence cut short and never finished is dropped, not typed as `[` and `A`.
        assert!(reader.feed(b"\x1b[1;").is_empty());
        assert!(reader.flush().is_empty());
        assert!(!reader.pending());
    }

    #[test]
    fn keys_from_bytes() {
        let cases: &[(&[u8], Vec<KeyCode>)] = &[
            (b"q", vec![KeyCode::Char('q')]),
            (b"\x1b", vec![KeyCode::Esc]),
            (b"\x1b\x1b", vec![KeyCode::Esc, KeyCode::Esc]),
            (b"\x1b[A\x1b[B", vec![KeyCode::Up, KeyCode::Down]),
            (b"\x1bq", vec![KeyCode::Char('q')]),
            (b"\x1b\r", vec![KeyCode::Esc, KeyCode::Enter]),
            (b"\x1b\x7f", vec![KeyCode::Esc, KeyCode::Backspace]),
            (b"\r ", vec![KeyCode::Enter, KeyCode::Char(' ')]),
            (b"\x1b[5~x", vec![KeyCode::PageUp, KeyCode::Char('x')]),
            (
                "é?".as_bytes(),
                vec![KeyCode::Char('é'), KeyCode::Char('?')],
            ),
            (b"\x1b[99;5X", vec![]),
            (b"\xff", vec![]),
        ];
        for (bytes, want) in cases {
            let got: Vec<KeyCode> = codes(&parse_keys(bytes)).into_iter().map(|k| k.0).collect();
            assert_eq!(&got, want, "bytes {bytes:?}");
        }
    }

    #[test]
    fn the_stream_reader_flushes_a_lone_esc_and_joins_a_split_sequence() {
        // Each read waits so long first, then returns its bytes; then end of file.
        struct Slow(Vec<(Duration, &'static [u8])>);
        impl Read for Slow {
            fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
                if self.0.is_empty() {
                    return Ok(0);
                }
                let (wait, chunk) = self.0.remove(0);
                std::thread::sleep(wait);
                buf[..chunk.len()].copy_from_slice(chunk);
                Ok(chunk.len())
            }
        }
        let long = ESC_TIMEOUT * 3;
        let mut keys = Vec::new();
        read_keys(
            Slow(vec![
                (Duration::ZERO, b"\x1b"),
                (long, b"j"),
                (Duration::ZERO, b"\x1b["),
                (Duration::ZERO, b"A"),
            ]),
            |k| {
                keys.extend(codes(&[k]).into_iter().map(|k| k.0));
                true
            },
        );
        // The Esc alone became Esc once the wait ran out; the Up split over two reads that
        // came together is one Up, not `[` and `A` typed as text.
        assert_eq!(keys, [KeyCode::Esc, KeyCode::Char('j'), KeyCode::Up]);
    }
}
