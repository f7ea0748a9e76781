//! `authorized_keys` as text: the line that binds a key to a profile, finding those lines
//! again, and the changes `rehab clinic authorize | revoke` make. Every other line is kept byte
//! for byte: the file is handled as bytes split after each newline, and only lines rehab wrote
//! are ever removed.
//!
//! A patient's line is
//! `command="<rehab> --data-dir <DIR> --locked <NAME>",restrict,pty <type> <key> [comment]`:
//! `restrict` turns off every forwarding, the agent, X11 and `~/.ssh/rc`; `pty` gives back the
//! terminal the app needs. sshd runs the command through the account's shell, so each word of
//! it is checked here first: the name is a profile name, a folder with a space is single-quoted,
//! and a quote, a backslash or a control character is refused outright.

use std::path::Path;

/// The key types rehab writes a line for (what `ssh-keygen` makes today).
const KEY_TYPES: [&str; 7] = [
    "ssh-ed25519",
    "ssh-rsa",
    "ecdsa-sha2-nistp256",
    "ecdsa-sha2-nistp384",
    "ecdsa-sha2-nistp521",
    "sk-ssh-ed25519@openssh.com",
    "sk-ecdsa-sha2-nistp256@openssh.com",
];

/// The longest key comment written.
const MAX_COMMENT: usize = 100;

/// A public key as a `.pub` file holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublicKey {
    pub kind: String,
    /// The base64 key itself.
    pub blob: String,
    pub comment: Option<String>,
}

impl PublicKey {
    /// The key in a `.pub` file's text (`shown` names the file in errors): the first line that
    /// is not blank or a `#` comment, `type base64 [comment]`.
    pub fn parse(text: &str, shown: &str) -> Result<PublicKey, String> {
        let Some((n, line)) = text
            .lines()
            .enumerate()
            .find(|(_, l)| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
        else {
            return Err(format!("{shown}: no public key in the file"));
        };
        let at = format!("{shown}:{}", n + 1);
        let mut words = line.split_ascii_whitespace();
        let kind = words.next().unwrap_or_default();
        if !KEY_TYPES.contains(&kind) {
            return Err(format!(
                "{at}: `{}` is not a public key type rehab writes (give the .pub file, like \
                 id_ed25519.pub; types: {})",
                crate::text::clean(kind),
                KEY_TYPES.join(", ")
            ));
        }
        let blob = words.next().unwrap_or_default();
        let base64 = blob
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'='));
        if blob.len() < 16 || !base64 {
            return Err(format!("{at}: the key after {kind} is not base64 key data"));
        }
        let comment = words.collect::<Vec<_>>().join(" ");
        let plain = comment.len() <= MAX_COMMENT
            && comment
                .chars()
                .all(|c| c == ' ' || (c.is_ascii_graphic() && !"\"\\'`$".contains(c)));
        if !plain {
            return Err(format!(
                "{at}: the key's comment is longer than {MAX_COMMENT} characters or has a \
                 character rehab does not copy into authorized_keys (quotes, backslash, $, or \
                 not plain ASCII); edit or remove the comment in the .pub file"
            ));
        }
        Ok(PublicKey {
            kind: kind.to_string(),
            blob: blob.to_string(),
            comment: (!comment.is_empty()).then_some(comment),
        })
    }

    /// The key as `ssh-keygen -l` would name it to a person: type, the key's last characters
    /// and the comment.
    pub fn short(&self) -> String {
        let tail = &self.blob[self.blob.len().saturating_sub(12)..];
        let comment = self.comment.as_deref().unwrap_or("(no comment)");
        format!("{} ...{tail} {}", self.kind, crate::text::clean(comment))
    }
}

/// What one line of `authorized_keys` is, as far as rehab cares.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeyLine {
    /// A key whose forced command is exactly one rehab writes: `rehab --data-dir DIR
    /// [--library DIR] --locked NAME`. `data` is the data folder it opens.
    Locked {
        profile: String,
        data: String,
        key: PublicKey,
    },
    /// A key with no forced command: a shell, the clinician's own login.
    Open(PublicKey),
    /// A key with a forced command of something else.
    OtherCommand(PublicKey),
    /// A comment, a blank line, or a line rehab cannot read.
    NotAKey,
}

impl KeyLine {
    /// Classifies one line (its newline may be on it).
    pub fn of(line: &str) -> KeyLine {
        let line = line.trim_end_matches(['\n', '\r']).trim_start();
        if line.is_empty() || line.starts_with('#') {
            return KeyLine::NotAKey;
        }
        let (options, rest) = split_options(line);
        let Ok(key) = PublicKey::parse_loose(rest) else {
            return KeyLine::NotAKey;
        };
        match options.and_then(forced_command) {
            None => KeyLine::Open(key),
            Some(command) => match rehab_command(&command) {
                Some((profile, data)) => KeyLine::Locked { profile, data, key },
                None => KeyLine::OtherCommand(key),
            },
        }
    }

    fn key(&self) -> Option<&PublicKey> {
        match self {
            KeyLine::Locked { key, .. } | KeyLine::Open(key) | KeyLine::OtherCommand(key) => {
                Some(key)
            }
            KeyLine::NotAKey => None,
        }
    }
}

impl PublicKey {
    /// A key as found in an existing line: type and blob, any comment, no checks on either
    /// beyond their presence (the line is someone else's and is only read).
    fn parse_loose(text: &str) -> Result<PublicKey, ()> {
        let mut words = text.split_ascii_whitespace();
        let (Some(kind), Some(blob)) = (words.next(), words.next()) else {
            return Err(());
        };
        if !KEY_TYPES.contains(&kind) && !kind.starts_with("ssh-") {
            return Err(());
        }
        let comment = words.collect::<Vec<_>>().join(" ");
        Ok(PublicKey {
            kind: kind.to_string(),
            blob: blob.to_string(),
            comment: (!comment.is_empty()).then_some(comment),
        })
    }
}

/// The options before the key type, if any, and the rest of the line. Options are one word
/// with double-quoted values (which may hold spaces and `\"`).
fn split_options(line: &str) -> (Option<&str>, &str) {
    let first = line.split_ascii_whitespace().next().unwrap_or_default();
    if KEY_TYPES.contains(&first) || first.starts_with("ssh-") {
        return (None, line);
    }
    let mut quoted = false;
    let mut escaped = false;
    for (i, c) in line.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' if quoted => escaped = true,
            '"' => quoted = !quoted,
            ' ' | '\t' if !quoted => return (Some(&line[..i]), line[i..].trim_start()),
            _ => {}
        }
    }
    (Some(line), "")
}

/// The value of `command="..."` in an options word.
fn forced_command(options: &str) -> Option<String> {
    let start = options.find("command=\"")? + "command=\"".len();
    if start > "command=\"".len() && !options[..start - "command=\"".len()].ends_with(',') {
        return None;
    }
    let mut value = String::new();
    let mut escaped = false;
    for c in options[start..].chars() {
        match c {
            _ if escaped => {
                value.push(c);
                escaped = false;
            }
            '\\' => escaped = true,
            '"' => return Some(value),
            c => value.push(c),
        }
    }
    None
}

/// The profile and data folder of a forced command rehab wrote. Only a command that
/// [`forced_command_for`] makes again, byte for byte, from the words it holds is rehab's: one
/// that merely ends in `--locked NAME` (`x \" --locked anna`) is someone else's.
fn rehab_command(command: &str) -> Option<(String, String)> {
    let words = shell_words(command);
    let (exe, data, library, name) = match words.as_slice() {
        [exe, d, data, lk, name] if d == "--data-dir" && lk == "--locked" => {
            (exe, data, None, name)
        }
        [exe, d, data, l, library, lk, name]
            if d == "--data-dir" && l == "--library" && lk == "--locked" =>
        {
            (exe, data, Some(library), name)
        }
        _ => return None,
    };
    let again = forced_command_for(
        Path::new(exe),
        Path::new(data),
        library.map(Path::new),
        name,
    )
    .ok()?;
    (again == command).then(|| (name.clone(), data.clone()))
}

/// Splits a command as the shell would for the words rehab writes: spaces outside single
/// quotes separate.
fn shell_words(command: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut quoted = false;
    let mut any = false;
    for c in command.chars() {
        match c {
            '\'' => {
                quoted = !quoted;
                any = true;
            }
            ' ' | '\t' if !quoted => {
                if any {
                    words.push(std::mem::take(&mut word));
                    any = false;
                }
            }
            c => {
                word.push(c);
                any = true;
            }
        }
    }
    if any {
        words.push(word);
    }
    words
}

/// One word of a forced command: bare when it is plain, else single-quoted. A quote, a
/// backslash, a control or invisible character is refused (`what` names the flag or value).
fn shell_word(what: &str, text: &str) -> Result<String, String> {
    if text.is_empty()
        || text
            .chars()
            .any(|c| "'\"\\".contains(c) || crate::text::is_unsafe(c))
    {
        return Err(format!(
            "{what}: `{}` is empty or has a quote, a backslash or a control character, which \
             rehab does not put into a forced command; use a folder without them",
            crate::text::clean(text)
        ));
    }
    let plain = text
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || "/._+:@,=-".contains(c));
    Ok(if plain {
        text.to_string()
    } else {
        format!("'{text}'")
    })
}

/// The forced command of a patient's key: `rehab` as `exe`, locked to `profile` in `data`
/// (and `library` when the clinic keeps one elsewhere).
pub fn forced_command_for(
    exe: &Path,
    data: &Path,
    library: Option<&Path>,
    profile: &str,
) -> Result<String, String> {
    crate::profile::validate_name(profile)?;
    let path = |flag: &str, p: &Path| match p.to_str() {
        Some(t) if p.is_absolute() => shell_word(flag, t),
        _ => Err(format!(
            "{flag}: {} must be an absolute path in UTF-8 for a forced command",
            crate::text::path(p)
        )),
    };
    let mut words = vec![
        path("the rehab program", exe)?,
        "--data-dir".into(),
        path("--data-dir", data)?,
    ];
    if let Some(library) = library {
        words.push("--library".into());
        words.push(path("--library", library)?);
    }
    words.push("--locked".into());
    words.push(profile.to_string());
    Ok(words.join(" "))
}

/// The whole line for `key`, newline included.
pub fn locked_line(key: &PublicKey, command: &str) -> String {
    let comment = key
        .comment
        .as_deref()
        .map_or_else(String::new, |c| format!(" {c}"));
    format!(
        "command=\"{command}\",restrict,pty {} {}{comment}\n",
        key.kind, key.blob
    )
}

/// The file's lines, each with its own newline (the last may lack one).
fn lines(file: &[u8]) -> impl Iterator<Item = &[u8]> {
    file.split_inclusive(|b| *b == b'\n')
}

/// Every key line of the file with its 1-based line number.
pub fn list(file: &[u8]) -> Vec<(usize, KeyLine)> {
    lines(file)
        .enumerate()
        .map(|(i, l)| (i + 1, KeyLine::of(&String::from_utf8_lossy(l))))
        .filter(|(_, k)| *k != KeyLine::NotAKey)
        .collect()
}

/// The file with `line` added at the end. Refused when the key is in the file already (sshd
/// would use only its first line, so a second could never do what it says).
pub fn add(file: &[u8], key: &PublicKey, line: &str, shown: &str) -> Result<Vec<u8>, String> {
    if let Some((n, found)) = list(file)
        .into_iter()
        .find(|(_, k)| k.key().is_some_and(|k| k.blob == key.blob))
    {
        let opens = match found {
            KeyLine::Locked { profile, .. } => format!("profile {profile}"),
            KeyLine::Open(_) => "a login without a forced command".into(),
            _ => "another forced command".into(),
        };
        return Err(format!(
            "{shown}:{n}: this key is there already and opens {}; `rehab clinic revoke` it \
             first, or give each device its own key",
            crate::text::clean(&opens)
        ));
    }
    let mut out = file.to_vec();
    if !out.is_empty() && !out.ends_with(b"\n") {
        out.push(b'\n');
    }
    out.extend_from_slice(line.as_bytes());
    Ok(out)
}

/// The file without rehab's lines for `profile` in the data folder `data` (a profile of the
/// same name in another folder is another person), and how many went. Every other line is kept
/// exactly.
pub fn remove(file: &[u8], profile: &str, data: &str) -> (Vec<u8>, usize) {
    let mut out = Vec::with_capacity(file.len());
    let mut removed = 0;
    for line in lines(file) {
        match KeyLine::of(&String::from_utf8_lossy(line)) {
            KeyLine::Locked {
                profile: p,
                data: d,
                ..
            } if p == profile && d == data => removed += 1,
            _ => out.extend_from_slice(line),
        }
    }
    (out, removed)
}

#[cfg(test)]
mod tests {
    use super::*;

    const ED: &str =
        "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGx0ZXN0a2V5MDEyMzQ1Njc4OWFiY2RlZg anna@phone";

    fn key() -> PublicKey {
        PublicKey::parse(ED, "anna.pub").expect("a valid key")
    }

    #[test]
    fn a_line_binds_the_key_to_the_profile_and_reads_back() {
        let cmd = forced_command_for(
            Path::new("/usr/bin/rehab"),
            Path::new("/srv/rehab data"),
            None,
            "anna",
        )
        .expect("valid");
        assert_eq!(
            cmd,
            "/usr/bin/rehab --data-dir '/srv/rehab data' --locked anna"
        );
        let line = locked_line(&key(), &cmd);
        assert!(line.starts_with("command=\"/usr/bin/rehab"), "{line}");
        assert!(line.contains("\",restrict,pty ssh-ed25519 "), "{line}");
        assert_eq!(
            KeyLine::of(&line),
            KeyLine::Locked {
                profile: "anna".into(),
                data: "/srv/rehab data".into(),
                key: key()
            }
        );
    }

    #[test]
    fn nothing_that_a_shell_would_act_on_gets_into_a_forced_command() {
        let exe = Path::new("/usr/bin/rehab");
        for (data, name) in [
            ("/srv/x", "anna; id"),
            ("/srv/x", "$(id)"),
            ("/srv/x'; id; '", "anna"),
            ("/srv/\"x", "anna"),
            ("/srv/x\\", "anna"),
            ("/srv/x\nid", "anna"),
            ("relative", "anna"),
        ] {
            assert!(
                forced_command_for(exe, Path::new(data), None, name).is_err(),
                "{data:?} {name:?}"
            );
        }
        for bad in [
            "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGx0 a\"b",
            "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGx0 $(id)",
            "ssh-ed25519 AAAA$(id)AAAAAAAAAAAAAAAAAAAAA",
            "ssh-dss AAAAB3NzaC1kc3MAAACBAP",
            "command=\"x\" ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGx0",
            "",
        ] {
            assert!(PublicKey::parse(bad, "k.pub").is_err(), "{bad:?}");
        }
    }

    #[test]
    fn add_and_remove_keep_every_other_line_byte_for_byte() {
        let cmd = |n| {
            forced_command_for(Path::new("/usr/bin/rehab"), Path::new("/srv"), None, n)
                .expect("valid")
        };
        let other = "# the admin's key\r\n\nssh-rsa AAAAB3NzaC1yc2EAAAADAQAB admin\n\
                     command=\"/bin/date\" ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGRhdGU x";
        let with_anna = add(
            other.as_bytes(),
            &key(),
            &locked_line(&key(), &cmd("anna")),
            "f",
        )
        .expect("added");
        assert!(with_anna.starts_with(other.as_bytes()));
        let again = add(&with_anna, &key(), &locked_line(&key(), &cmd("bob")), "f");
        assert!(
            again.as_ref().is_err_and(|e| e.contains("f:5:")),
            "{again:?}"
        );
        assert_eq!(remove(&with_anna, "anna", "/elsewhere").1, 0);
        let (back, removed) = remove(&with_anna, "anna", "/srv");
        assert_eq!(removed, 1);
        // The missing last newline was added when a line followed it; nothing else changed.
        assert_eq!(back, format!("{other}\n").as_bytes());
        let kinds = list(&with_anna);
        assert!(matches!(kinds[0], (3, KeyLine::Open(_))));
        assert!(matches!(kinds[1], (4, KeyLine::OtherCommand(_))));
        assert!(matches!(&kinds[2], (5, KeyLine::Locked { profile, .. }) if profile == "anna"));
        assert_eq!(remove(&with_anna, "bob", "/srv").1, 0);
    }

    #[test]
    fn only_a_command_rehab_would_write_is_rehabs() {
        let k = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGx0ZXN0a2V5MDEyMzQ1Njc4OWFiY2RlZg";
        for other in [
            "command=\"x \\\" --locked anna\" ",
            "command=\"/bin/sh -c id --locked anna\" ",
            "command=\"/usr/bin/rehab --locked anna\" ",
            "command=\"/usr/bin/rehab --data-dir /srv --locked anna; id\" ",
            "command=\"/usr/bin/rehab --data-dir relative --locked anna\" ",
            "command=\"/usr/bin/rehab --data-dir /srv --library /l --locked ../x\" ",
            "command=\"/usr/bin/rehab  --data-dir /srv --locked anna\" ",
        ] {
            let line = format!("{other}{k}");
            assert!(
                matches!(KeyLine::of(&line), KeyLine::OtherCommand(_)),
                "{line}: {:?}",
                KeyLine::of(&line)
            );
            assert_eq!(remove(line.as_bytes(), "anna", "/srv").1, 0, "{line}");
        }
        let ours = format!(
            "command=\"/usr/bin/rehab --data-dir /srv --library '/l b' --locked anna\",restrict,pty {k}"
        );
        assert!(matches!(
            KeyLine::of(&ours),
            KeyLine::Locked { ref profile, ref data, .. } if profile == "anna" && data == "/srv"
        ));
    }
}
