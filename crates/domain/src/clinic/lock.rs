//! The one policy of a locked session (`rehab --locked NAME`, the forced command of a patient's
//! key): what it may do, the commands it may give on the ssh line, and the one folder it may
//! write a file in. Both front ends ask here; neither has a rule of its own.
//!
//! A locked session's folders come from the forced command alone (`--data-dir`, `--library`),
//! never from the environment, which the client may send. It reaches one profile, creates and
//! renames none, reads no file the person names and writes files only in
//! `<data>/exports/<NAME>/`, by file name.

use std::path::{Path, PathBuf};

use crate::paths::Paths;

/// A refused request, as one line that says why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct Refusal(pub String);

/// What a session may ask of the disk, as the policy sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Act<'a> {
    /// Append a record to the open profile's journal.
    Record(&'a crate::journal::Record),
    /// Change (or, with `create`, make) the profile `name`; `plan_changed` when more than the
    /// red-flag answers differ from the profile as it is (settings, a clinician's overrides,
    /// patient details, the condition).
    SaveProfile {
        name: &'a str,
        create: bool,
        plan_changed: bool,
    },
    /// Open the profile `name`.
    OpenProfile(&'a str),
    /// Read a file the person names (a prescription to import).
    ReadFile,
    /// Create or replace a profile from a prescription.
    Import,
    /// Read every profile for the clinician's overview (or list their names).
    Overview,
    /// Write a file at this path.
    Write(&'a Path),
}

/// The commands a patient may give on the ssh line, each with the flags it may take. Every
/// other command, and every other flag (`--profile`, `--data-dir`, `--library`, `-o`, ...), is
/// refused before anything runs: all of these print to standard output and touch only the
/// profile's own journal (`fetch` reads its own export folder).
pub const PATIENT_COMMANDS: &[(&str, &[&str])] = &[
    ("today", &["--date"]),
    ("done", &["--date", "--sets"]),
    ("undo", &["--date"]),
    ("skip", &["--reason", "--date"]),
    ("note", &["--date"]),
    (
        "pain",
        &[
            "--during",
            "--morning",
            "--swelling",
            "--limp",
            "--sharp",
            "--date",
            "--item",
        ],
    ),
    ("history", &["--weeks"]),
    ("criteria", &[]),
    (
        "plan",
        &[
            "--week",
            "--weeks",
            "--format",
            "--sheet",
            "--no-clinician-note",
        ],
    ),
    ("report", &["--weeks", "--format"]),
    ("screen", &["--list", "--yes", "--no"]),
    ("conditions", &[]),
    ("exercises", &["--condition", "--kind"]),
    ("show", &["--no-figure"]),
    ("sources", &[]),
    ("export-data", &["--format"]),
    // `runs` lists; `runs import -` reads one watch file from standard input (never a path on
    // the server): see [`Lock::runs_words`].
    (RUNS, &["--weeks", "--tz", "--kind"]),
    // `fetch FILE`: a file the app wrote in this session's export folder, to standard output.
    // The lock's own command, not the CLI's: the app's Export view shows it in full.
    (FETCH, &[]),
];

/// The patient's command that prints a file from the session's export folder.
pub const FETCH: &str = "fetch";
/// The patient's runs command: `runs`, or `runs import -` with the file on standard input.
pub const RUNS: &str = "runs";

/// The commands whose other words are the person's own text (not a flag or a flag's value):
/// one argument of any printable text, given to the command after `--` so it is never read as
/// a flag.
const FREE_TEXT_COMMANDS: [&str; 1] = ["note"];

/// The flags of those commands that take the next word as their value.
const VALUE_FLAGS: [&str; 1] = ["--date"];

/// Flags any patient command may take: they change only how the answer looks.
const ANY_COMMAND_FLAGS: [&str; 4] = ["--help", "-h", "--no-color", "--ascii"];

/// The longest text a free-text argument may hold: a note's own limit.
const MAX_FREE_TEXT: usize = crate::journal::MAX_NOTE_LEN;

/// The longest ssh command line taken: a full note, quoted, with its command and flags.
const MAX_COMMAND: usize = MAX_FREE_TEXT + 512;

/// The longest file name the app may export to.
const MAX_FILE_NAME: usize = 100;

/// A session locked to one profile in one data folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lock {
    profile: String,
    data: PathBuf,
    library: Option<PathBuf>,
}

impl Lock {
    /// The lock of a forced command: a valid profile name and absolute folders (the forced
    /// command is the only source of both).
    pub fn new(
        profile: &str,
        data: Option<&Path>,
        library: Option<&Path>,
    ) -> Result<Lock, Refusal> {
        crate::profile::validate_name(profile).map_err(|e| Refusal(format!("--locked: {e}")))?;
        let absolute = |flag: &str, p: &Path| {
            if p.is_absolute() {
                Ok(p.to_path_buf())
            } else {
                Err(Refusal(format!(
                    "--locked needs {flag} as an absolute folder in the forced command, not {}",
                    crate::text::path(p)
                )))
            }
        };
        let Some(data) = data else {
            return Err(Refusal(
                "--locked needs --data-dir in the forced command (the environment is not \
                 followed in a locked session)"
                    .into(),
            ));
        };
        Ok(Lock {
            profile: profile.to_string(),
            data: absolute("--data-dir", data)?,
            library: library.map(|l| absolute("--library", l)).transpose()?,
        })
    }

    /// The one profile this session reaches.
    pub fn profile(&self) -> &str {
        &self.profile
    }

    /// The session's folders: all inside the data folder unless the forced command named a
    /// library; the config folder (the key bindings) too, so no variable the client sends
    /// (`XDG_CONFIG_HOME`, `REHAB_*`) moves any of them.
    pub fn paths(&self) -> Paths {
        Paths {
            config: self.data.join("config"),
            library: self
                .library
                .clone()
                .unwrap_or_else(|| self.data.join("library")),
            data: self.data.clone(),
        }
    }

    /// The only folder the session writes files in: `<data>/exports/<NAME>`.
    pub fn export_dir(&self) -> PathBuf {
        self.data.join("exports").join(&self.profile)
    }

    /// Where a file the person asked for goes: a bare file name, in the export folder. A
    /// folder, `..`, a hidden name or a character that is not plain text is refused.
    pub fn export_target(&self, typed: &str) -> Result<PathBuf, Refusal> {
        let name = typed.trim();
        let plain = !name.is_empty()
            && name.len() <= MAX_FILE_NAME
            && !name.starts_with('.')
            && !name.contains(['/', '\\'])
            && !name.chars().any(crate::text::is_unsafe);
        if !plain {
            return Err(Refusal(format!(
                "not written: this session writes only into its export folder; type a file \
                 name without a folder, like rehab-plan-{}.html",
                self.profile
            )));
        }
        Ok(self.export_dir().join(name))
    }

    /// The command a patient runs on their own computer to fetch `file_name` from the export
    /// folder, in full: `ssh LOGIN 'fetch NAME' > NAME`, quoted for a POSIX shell.
    pub fn fetch_command(&self, login: &str, file_name: &str) -> String {
        let quote =
            |t: &str| shlex::try_quote(t).map_or_else(|_| format!("'{t}'"), |q| q.into_owned());
        let remote = format!("{FETCH} {}", quote(file_name));
        format!("ssh {login} {} > {}", quote(&remote), quote(file_name))
    }

    /// Whether the session may do `act`; the refusal says why in one line.
    pub fn permits(&self, act: Act<'_>) -> Result<(), Refusal> {
        let only = || {
            Refusal(format!(
                "this session is locked to profile {}; ask the clinic for anything else",
                self.profile
            ))
        };
        use crate::journal::Record;
        match act {
            // What the ssh line refuses too: the clinician's records and the plan's settings.
            Act::Record(Record::Assessed { .. }) => Err(Refusal(
                "an assessment is recorded by the clinician, not in this session".into(),
            )),
            Act::Record(Record::Criteria { .. }) => Err(Refusal(
                "criteria are recorded by the clinician at a visit, not in this session".into(),
            )),
            Act::Record(_) => Ok(()),
            Act::SaveProfile { create: true, .. } | Act::Import => Err(Refusal(
                "this session cannot create or import a profile; the clinic does that".into(),
            )),
            Act::SaveProfile {
                plan_changed: true, ..
            } => Err(Refusal(
                "the plan is the clinic's to change; ask your physiotherapist".into(),
            )),
            Act::SaveProfile { name, .. } | Act::OpenProfile(name) => {
                if name == self.profile {
                    Ok(())
                } else {
                    Err(only())
                }
            }
            Act::ReadFile => Err(Refusal(
                "this session reads no files; the clinic imports prescriptions".into(),
            )),
            Act::Overview => Err(Refusal(
                "the clinic overview is for the clinician's own login".into(),
            )),
            Act::Write(path) => {
                let inside = path.parent() == Some(self.export_dir().as_path())
                    && path
                        .file_name()
                        .and_then(|n| n.to_str())
                        .is_some_and(|n| self.export_target(n).is_ok());
                if inside {
                    Ok(())
                } else {
                    Err(Refusal(format!(
                        "not written: this session writes only into {}",
                        crate::text::path(&self.export_dir())
                    )))
                }
            }
        }
    }

    /// The command given on the ssh line (`SSH_ORIGINAL_COMMAND`), as the words to run, when
    /// it is one of the patient's own ([`PATIENT_COMMANDS`]) with flags it may take. `None`
    /// when there is no command: the full-screen app. The line is split into words by a
    /// shell's quoting rules, and no shell runs it. A command, a flag or a flag's value may hold
    /// only letters, digits and `-_.,:=+`; a note's text may hold any printable text (control
    /// characters are dropped) up to a note's length.
    pub fn ssh_command(&self, line: &str) -> Result<Option<Vec<String>>, Refusal> {
        if line.len() > MAX_COMMAND {
            return Err(Refusal(format!(
                "refused: the command is longer than {MAX_COMMAND} characters"
            )));
        }
        let words = shlex::split(line).ok_or_else(|| {
            Refusal(
                "refused: a quote is not closed (the command is split into words as a shell \
                 would, and no shell runs it)"
                    .into(),
            )
        })?;
        let Some(first) = words.first() else {
            return Ok(None);
        };
        plain_word(first)?;
        let names = || {
            PATIENT_COMMANDS
                .iter()
                .map(|(n, _)| *n)
                .collect::<Vec<_>>()
                .join(", ")
        };
        if first.starts_with('-') && !ANY_COMMAND_FLAGS.contains(&first.as_str()) {
            return Err(Refusal(format!(
                "refused: {first} cannot be given here; this session is locked to profile {} \
                 (commands: {})",
                self.profile,
                names()
            )));
        }
        let Some((_, flags)) = PATIENT_COMMANDS.iter().find(|(n, _)| n == first) else {
            return Err(Refusal(format!(
                "refused: `{first}` is not one of this session's commands ({})",
                names()
            )));
        };
        if first == FETCH {
            // One file name, checked as the app checks the name it writes to.
            let [_, name] = words.as_slice() else {
                return Err(Refusal(
                    "refused: fetch takes one file name from this session's export folder".into(),
                ));
            };
            self.export_target(name)?;
            return Ok(Some(words));
        }
        if first == RUNS {
            Self::runs_words(&words[1..])?;
        }
        let free = FREE_TEXT_COMMANDS.contains(&first.as_str());
        let mut run = vec![first.clone()];
        let mut text: Vec<&str> = Vec::new();
        let mut value_next = false;
        for word in &words[1..] {
            if value_next {
                value_next = false;
                plain_word(word)?;
                run.push(word.clone());
                continue;
            }
            // `-` is standard input to `runs import` (checked by `runs_words`), not a flag.
            if !word.starts_with('-') || (first == RUNS && word == "-") {
                if free {
                    text.push(word);
                } else {
                    plain_word(word)?;
                    run.push(word.clone());
                }
                continue;
            }
            plain_word(word)?;
            let flag = word.split('=').next().unwrap_or(word);
            if !flags.contains(&flag) && !ANY_COMMAND_FLAGS.contains(&flag) {
                let allowed = if flags.is_empty() {
                    "none".to_string()
                } else {
                    flags.join(", ")
                };
                return Err(Refusal(format!(
                    "refused: `{first}` takes no {flag} in this session (flags: {allowed})"
                )));
            }
            value_next = free && VALUE_FLAGS.contains(&word.as_str());
            run.push(word.clone());
        }
        if free && !text.is_empty() {
            // Tabs and line breaks become spaces; other control characters go.
            let joined = text.join(" ");
            let cleaned = crate::text::clean(&joined);
            let cleaned = cleaned.trim();
            if cleaned.len() > MAX_FREE_TEXT {
                return Err(Refusal(format!(
                    "refused: a {first} may hold at most {MAX_FREE_TEXT} bytes, not {}",
                    cleaned.len()
                )));
            }
            run.push("--".into());
            run.push(cleaned.to_string());
        }
        Ok(Some(run))
    }
}

impl Lock {
    /// The words after `runs`: none but flags and their values, or `import -` (the file comes
    /// on standard input: the session reads no file on the server).
    fn runs_words(words: &[String]) -> Result<(), Refusal> {
        let mut positional = Vec::new();
        let mut value_next = false;
        for word in words {
            if value_next {
                value_next = false;
            } else if word.starts_with("--") {
                value_next = !word.contains('=') && word != "--help";
            } else {
                positional.push(word.as_str());
            }
        }
        match positional.as_slice() {
            [] | ["import", "-"] => Ok(()),
            ["import", ..] => Err(Refusal(
                "refused: this session reads no file on the server; send the watch file on                  standard input: ssh LOGIN runs import - < run.fit"
                    .into(),
            )),
            _ => Err(Refusal(
                "refused: `runs` takes no words here but `import -` (the file on standard input)"
                    .into(),
            )),
        }
    }
}

/// How the patient reaches this server, for the fetch command: the account (`USER`) and the
/// server's address and port as sshd set them (`SSH_CONNECTION`), each kept only when plain;
/// `rehab@SERVER` stands for what is missing.
pub fn ssh_login(user: Option<&str>, connection: Option<&str>) -> String {
    let user = user
        .filter(|u| {
            !u.is_empty()
                && u.chars()
                    .all(|c| c.is_ascii_alphanumeric() || "_-.".contains(c))
        })
        .unwrap_or("rehab");
    let mut parts = connection
        .unwrap_or_default()
        .split_ascii_whitespace()
        .skip(2);
    let host = parts
        .next()
        .filter(|h| !h.is_empty() && h.chars().all(|c| c.is_ascii_hexdigit() || ".:".contains(c)))
        .unwrap_or("SERVER");
    let port = parts
        .next()
        .filter(|p| p.parse::<u16>().is_ok() && *p != "22");
    match port {
        Some(port) => format!("-p {port} {user}@{host}"),
        None => format!("{user}@{host}"),
    }
}

/// A command, a flag or a flag's value: letters, digits and `-_.,:=+` only, so nothing a person
/// types there can mean more than it says.
fn plain_word(word: &str) -> Result<(), Refusal> {
    let Some(c) = word
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || "-_.,:=+".contains(*c)))
    else {
        return Ok(());
    };
    let shown = if c.is_ascii_graphic() {
        format!("`{c}`")
    } else {
        format!("U+{:04X}", u32::from(c))
    };
    Err(Refusal(format!(
        "refused: {shown} is not allowed in a command, a flag or its value here (letters, \
         digits and - _ . , : = + only; a note's text may hold any printable text)"
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lock() -> Lock {
        Lock::new("anna", Some(Path::new("/srv/rehab")), None).expect("a valid lock")
    }

    #[test]
    fn runs_import_reads_standard_input_only() {
        let l = lock();
        let ok = [
            "runs",
            "runs --weeks 8",
            "runs import -",
            "runs import --tz=+01:00 -",
            "runs import --kind run -",
        ];
        for line in ok {
            assert!(l.ssh_command(line).is_ok(), "{line}");
        }
        for refused in [
            "runs import run.fit",
            "runs import - other.gpx",
            "runs import",
            "runs import ../../etc/passwd",
            "runs delete",
            "runs import --profile bob -",
        ] {
            assert!(l.ssh_command(refused).is_err(), "{refused}");
        }
    }

    #[test]
    fn the_folders_come_from_the_forced_command_alone() {
        assert!(Lock::new("anna", None, None).is_err());
        assert!(Lock::new("anna", Some(Path::new("rel/data")), None).is_err());
        assert!(Lock::new("../bob", Some(Path::new("/srv")), None).is_err());
        let p = lock().paths();
        assert_eq!(p.data, Path::new("/srv/rehab"));
        assert_eq!(p.library, Path::new("/srv/rehab/library"));
        assert_eq!(p.config, Path::new("/srv/rehab/config"));
    }

    #[test]
    fn the_patients_commands_run_and_nothing_else_does() {
        let l = lock();
        assert_eq!(
            l.ssh_command("done 1 3").expect("allowed"),
            Some(vec!["done".into(), "1".into(), "3".into()])
        );
        assert!(l.ssh_command("pain --during=2 --sharp").is_ok());
        assert_eq!(l.ssh_command("  ").expect("empty"), None);
        for refused in [
            "profile list",
            "clinic",
            "--profile bob today",
            "today --profile bob",
            "today --data-dir /tmp",
            "plan -o /tmp/x.html",
            "plan --output=/tmp/x",
            "today; rm -rf /",
            "today && id",
            "today $(id)",
            "today `id`",
            "today | cat",
            "today > /tmp/x",
            "note --profile bob hi",
            "note hi --data-dir /tmp",
            "note 'unclosed",
            "skip 1 --reason \"couldn't finish!\"",
            "check /etc/passwd",
        ] {
            let r = l.ssh_command(refused);
            assert!(r.is_err(), "{refused:?} was let through: {r:?}");
            let Err(Refusal(text)) = r else { continue };
            assert!(!text.contains('\n'), "{text}");
        }
    }

    #[test]
    fn a_note_holds_the_persons_own_words_and_nothing_else_changes() {
        let l = lock();
        let words = |line: &str| l.ssh_command(line).expect("allowed").expect("a command");
        assert_eq!(
            words(r#"note "couldn't finish! 🏃‍♀️ knee ok?""#),
            ["note", "--", "couldn't finish! 🏃‍♀️ knee ok?"]
        );
        // Unquoted words make one note; the date stays a flag with a plain value.
        assert_eq!(
            words("note --date 2026-11-25 Felt fine; ran $(far)"),
            [
                "note",
                "--date",
                "2026-11-25",
                "--",
                "Felt fine; ran $(far)"
            ]
        );
        // Control characters go; a tab or line break is a space.
        assert_eq!(words("note 'a\u{1b}[31mb\tc'"), ["note", "--", "a[31mb c"]);
        // Split as a shell would: tabs and quotes in commands too.
        assert_eq!(words("done\t'1' \"3\"\n"), ["done", "1", "3"]);
        let long = format!("note '{}'", "x".repeat(MAX_FREE_TEXT + 1));
        assert!(l.ssh_command(&long).is_err());
        assert!(l.ssh_command("note --date '2026-11-25; x' hi").is_err());
    }

    #[test]
    fn a_file_the_app_wrote_is_fetched_by_name_only() {
        let l = lock();
        assert_eq!(
            l.ssh_command("fetch rehab-plan-anna.html")
                .expect("allowed"),
            Some(vec!["fetch".into(), "rehab-plan-anna.html".into()])
        );
        for refused in [
            "fetch",
            "fetch a b",
            "fetch ../bob/x.html",
            "fetch .x",
            "fetch /etc/x",
        ] {
            assert!(l.ssh_command(refused).is_err(), "{refused}");
        }
        assert_eq!(
            l.fetch_command("rehab@10.0.0.5", "plan.html"),
            "ssh rehab@10.0.0.5 'fetch plan.html' > plan.html"
        );
        assert_eq!(
            l.fetch_command("rehab@h", "my plan.html"),
            r#"ssh rehab@h "fetch 'my plan.html'" > 'my plan.html'"#
        );
        assert_eq!(
            ssh_login(Some("rehab"), Some("10.0.0.9 5122 10.0.0.5 2222")),
            "-p 2222 rehab@10.0.0.5"
        );
        assert_eq!(ssh_login(Some("rehab"), Some("1 2 ::1 22")), "rehab@::1");
        assert_eq!(ssh_login(Some("a;b"), Some("1 2 $(x) 22")), "rehab@SERVER");
        assert_eq!(ssh_login(None, None), "rehab@SERVER");
    }

    #[test]
    fn files_go_only_to_the_export_folder_by_name() {
        let l = lock();
        let Ok(target) = l.export_target("plan.html") else {
            panic!("a bare name is taken")
        };
        assert_eq!(target, Path::new("/srv/rehab/exports/anna/plan.html"));
        assert!(l.permits(Act::Write(&target)).is_ok());
        for typed in [
            "",
            "../x.html",
            "/tmp/x.html",
            ".hidden",
            "a/b.html",
            "x\u{1b}.html",
        ] {
            assert!(l.export_target(typed).is_err(), "{typed:?}");
        }
        for path in ["/tmp/x.html", "/srv/rehab/exports/bob/x.html", "plan.html"] {
            assert!(l.permits(Act::Write(Path::new(path))).is_err(), "{path}");
        }
    }

    #[test]
    fn one_profile_and_no_clinic_business() {
        use crate::journal::Record;
        let l = lock();
        let day = jiff::civil::date(2026, 11, 25);
        let tick = Record::Done {
            date: day,
            item: "clamshell".into(),
            sets: None,
        };
        assert!(l.permits(Act::Record(&tick)).is_ok());
        assert!(l.permits(Act::OpenProfile("anna")).is_ok());
        // New red-flag answers: the only change a patient makes to the profile.
        assert!(
            l.permits(Act::SaveProfile {
                name: "anna",
                create: false,
                plan_changed: false,
            })
            .is_ok()
        );
        let assessed = Record::Assessed {
            date: day,
            by: Some("me".into()),
        };
        let criteria = Record::Criteria {
            date: day,
            id: "phase-1-exit".into(),
            met: true,
        };
        for act in [
            Act::Record(&assessed),
            Act::Record(&criteria),
            Act::OpenProfile("bob"),
            Act::SaveProfile {
                name: "bob",
                create: false,
                plan_changed: false,
            },
            Act::SaveProfile {
                name: "anna",
                create: true,
                plan_changed: false,
            },
            Act::SaveProfile {
                name: "anna",
                create: false,
                plan_changed: true,
            },
            Act::ReadFile,
            Act::Import,
            Act::Overview,
        ] {
            assert!(l.permits(act).is_err(), "{act:?}");
        }
    }
}
