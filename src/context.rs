//! What both front ends stand on: the global flags, the context every command and the app
//! start from (the library, the folders, today), and how a failure becomes an exit code. The
//! command line and the app each import this; neither imports the other's start-up.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;
use jiff::civil::Date;

use crate::catalog::{Catalog, Problem};
use crate::paths::Paths;
use crate::store;

#[derive(Debug, Args, Clone, PartialEq)]
pub struct Global {
    /// A folder of extra RON library files [default: <config dir>/library]
    #[arg(
        long,
        global = true,
        env = "REHAB_LIBRARY",
        hide_env_values = true,
        value_name = "DIR"
    )]
    pub library: Option<PathBuf>,
    /// Where profiles and journals live [default: the platform data dir]
    #[arg(
        long,
        global = true,
        env = "REHAB_DATA_DIR",
        hide_env_values = true,
        value_name = "DIR"
    )]
    pub data_dir: Option<PathBuf>,
    /// The profile to use
    #[arg(
        long,
        global = true,
        env = "REHAB_PROFILE",
        default_value = "me",
        value_name = "NAME"
    )]
    pub profile: String,
    /// No colour (also when NO_COLOR is set)
    #[arg(long, global = true)]
    pub no_color: bool,
    /// ASCII only: borders, ticks, charts and bars
    #[arg(long, global = true)]
    pub ascii: bool,
    /// Lock the session to this profile: the forced command of a patient's ssh key, as `rehab
    /// clinic authorize` writes it. Folders come from --data-dir and --library only, the
    /// command from the ssh line (SSH_ORIGINAL_COMMAND), and only a patient's own commands run
    #[arg(long, value_name = "NAME")]
    pub locked: Option<String>,
    /// Pretend today is this date (for tests and demos)
    #[arg(long, global = true, env = "REHAB_TODAY", hide = true, value_parser = parse_date)]
    pub today: Option<Date>,
}

/// A calendar date written YYYY-MM-DD; 2026-02-30 is refused, and so is a date with a time
/// attached (which would otherwise be dropped without a word).
pub fn parse_date(text: &str) -> Result<Date, String> {
    let t = text.trim();
    let shape = t.len() == 10
        && t.bytes().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
    if !shape {
        let timed = t.len() > 10 && t.get(..10).is_some_and(|d| d.parse::<Date>().is_ok());
        return Err(if timed {
            format!(
                "`{text}` has a time attached; give the date alone, like {}",
                &t[..10]
            )
        } else {
            format!("`{text}` is not a date like 2026-11-23")
        });
    }
    let date = t
        .parse::<Date>()
        .map_err(|e| format!("`{text}` is not a date like 2026-11-23 ({e})"))?;
    // Refused here, before any file is read: a far date would otherwise cost every week up to it.
    crate::plan::check_plausible(date)
}

/// A command that could not do its job: the message, and whether the input (2) or the data (1)
/// was at fault.
#[derive(Debug)]
pub struct Failure {
    pub code: u8,
    pub message: String,
}

impl Failure {
    /// Bad data or an unknown id: exit 1.
    pub fn data(message: impl Into<String>) -> Self {
        Failure {
            code: 1,
            message: message.into(),
        }
    }

    /// Bad usage: exit 2.
    pub fn usage(message: impl Into<String>) -> Self {
        Failure {
            code: 2,
            message: message.into(),
        }
    }
}

impl From<std::io::Error> for Failure {
    fn from(e: std::io::Error) -> Self {
        Failure::data(e.to_string())
    }
}

pub type CmdResult = Result<(), Failure>;

/// What every command may need: the library, the folders, today.
pub struct Ctx {
    pub catalog: Catalog,
    /// Problems of user library files that were left out.
    pub library_problems: Vec<Problem>,
    pub paths: Paths,
    pub today: Date,
    pub profile: String,
    pub ascii: bool,
    pub color: bool,
    /// Set in a locked session (`--locked NAME`): the one policy of what it may do.
    pub lock: Option<crate::clinic::Lock>,
}

impl Ctx {
    /// Loads the built-in library and the user library folder.
    pub fn load(global: &Global, today: Date) -> Result<Ctx, Failure> {
        let (paths, lock) = session_paths(global)?;
        let (files, mut library_problems) = store::read_library_dir(&paths.library);
        let loaded = Catalog::load(&files).map_err(|problems| {
            Failure::data(format!(
                "the built-in library is broken (a bug):\n{}",
                join(&problems)
            ))
        })?;
        library_problems.extend(loaded.problems);
        Ok(Ctx {
            catalog: loaded.catalog,
            library_problems,
            paths,
            today,
            profile: global.profile.clone(),
            ascii: global.ascii || !crate::locale_is_utf8(),
            color: !global.no_color && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
            lock,
        })
    }
}

/// The session's folders, and its lock when `--locked` set one: a locked session's folders
/// come from the lock (the forced command), never from the environment.
pub fn session_paths(global: &Global) -> Result<(Paths, Option<crate::clinic::Lock>), Failure> {
    match &global.locked {
        Some(name) => {
            let lock = crate::clinic::Lock::new(
                name,
                global.data_dir.as_deref(),
                global.library.as_deref(),
            )
            .map_err(|e| Failure::usage(e.0))?;
            Ok((lock.paths(), Some(lock)))
        }
        None => Ok((
            Paths::resolve(global.data_dir.clone(), global.library.clone()),
            None,
        )),
    }
}

impl Ctx {
    /// Says on stderr which user library files were left out, so nothing fails silently.
    pub fn warn_library_problems(&self) {
        if self.library_problems.is_empty() {
            return;
        }
        warn(&format!(
            "left out user library files with problems:\n{}",
            join(&self.library_problems)
        ));
    }
}

/// Everything a command prints on standard output goes through here: cleaned by the one
/// sanitiser (`text::clean_block`), whatever its source.
pub fn print(text: &str) -> CmdResult {
    let mut out = std::io::stdout().lock();
    out.write_all(crate::text::clean_block(text).as_bytes())?;
    out.flush()?;
    Ok(())
}

/// A warning on standard error (`rehab: warning: ...`), cleaned like [`print`].
pub fn warn(text: &str) {
    let _ = writeln!(
        std::io::stderr().lock(),
        "rehab: warning: {}",
        crate::text::clean_block(text)
    );
}

pub fn join(problems: &[Problem]) -> String {
    problems
        .iter()
        .map(|p| p.to_string())
        .collect::<Vec<_>>()
        .join("\n")
}

/// The clock's date, when rehab can work with it.
pub fn clock_is_plausible(today: Date) -> CmdResult {
    crate::plan::check_plausible(today)
        .map(|_| ())
        .map_err(|e| {
            Failure::usage(format!(
                "today's date: {e}; set the system clock, or give the date with --today YYYY-MM-DD"
            ))
        })
}

/// Prints a failure and turns the result into an exit code. A closed pipe is not an error.
pub fn finish(result: CmdResult) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(f) => {
            if !f.message.contains("Broken pipe") {
                let _ = writeln!(
                    std::io::stderr().lock(),
                    "rehab: error: {}",
                    short_lines(&f.message)
                );
            }
            ExitCode::from(f.code)
        }
    }
}

/// A message cleaned, each line at most a thousand characters (the longest advice is a third of
/// that): whatever an error quotes (an argument, a value from a file), it never echoes a long
/// input whole.
pub(crate) fn short_lines(message: &str) -> String {
    const MAX: usize = 1000;
    crate::text::clean_block(message)
        .split_inclusive('\n')
        .map(|line| {
            let count = line.chars().count();
            if count <= MAX {
                return line.to_string();
            }
            let head: String = line.chars().take(MAX).collect();
            let end = if line.ends_with('\n') { "\n" } else { "" };
            format!("{head}... ({} more characters){end}", count - MAX)
        })
        .collect()
}
