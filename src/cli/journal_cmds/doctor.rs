//! `rehab doctor`: what is wrong with the data files, and how to fix each thing.

use std::fmt::Write as _;
use std::path::Path;

use super::{Failure, print};
use crate::cli::{CmdResult, Ctx};
use crate::profile::validate_name;
use crate::store::atomic::{LOCK_FILE, TEMP_PREFIX, sweep_temps};
use crate::store::journal::JOURNAL_FILE;
use crate::store::profile::{PROFILE_FILE, profiles_root, read_profile};
use crate::store::{JournalFile, StoreError};

pub fn doctor(ctx: &Ctx) -> CmdResult {
    let mut t = format!("Data folder: {}\n", crate::text::path(&ctx.paths.data));
    let mut problems = 0;
    if !ctx.library_problems.is_empty() {
        problems += ctx.library_problems.len();
        let _ = writeln!(
            t,
            "\nUser library files left out ({}):",
            ctx.paths.library.display()
        );
        for p in &ctx.library_problems {
            let _ = writeln!(t, "{p}");
        }
        let _ = writeln!(t, "  fix: correct them, then check with `rehab check`.");
    }
    problems += check_keymap(ctx, &mut t);
    let root = profiles_root(&ctx.paths);
    let mut dirs: Vec<_> = match std::fs::read_dir(&root) {
        Ok(entries) => entries
            .filter_map(Result::ok)
            .filter(|e| e.path().is_dir())
            .collect(),
        Err(_) => {
            let _ = writeln!(t, "No profiles yet ({} does not exist).", root.display());
            return finish(t, problems);
        }
    };
    dirs.sort_by_key(|e| e.file_name());
    for entry in dirs {
        let name = entry.file_name().to_string_lossy().into_owned();
        problems += check_profile(ctx, &name, &entry.path(), &mut t);
    }
    finish(t, problems)
}

/// The key file, when there is one: it must load, and no key may be given to two actions.
fn check_keymap(ctx: &Ctx, t: &mut String) -> usize {
    use crate::store::files::{Limit, read_text};
    let path = ctx.paths.keymap_file();
    let shown = crate::text::path(&path);
    let found: Vec<String> = match read_text(&path, Limit::Keymap) {
        Ok(None) => return 0,
        Ok(Some(text)) => crate::tui::key_file_problems(&text)
            .iter()
            .map(|p| format!("{shown}:{p}"))
            .collect(),
        Err(e) => vec![format!(
            "cannot read {shown}: {}",
            crate::store::describe_io(&e)
        )],
    };
    if !found.is_empty() {
        let _ = writeln!(t, "\nKey file ({shown}):");
        for problem in &found {
            let _ = writeln!(t, "  problem: {problem}");
        }
        let _ = writeln!(
            t,
            "  fix: edit the file so each key is given to one action (`rehab` keeps the default \
             for a key in conflict meanwhile)."
        );
    }
    found.len()
}

fn finish(mut t: String, problems: usize) -> CmdResult {
    if problems == 0 {
        t.push_str("\nAll good: no file needs fixing.\n");
        return print(&t);
    }
    print(&t)?;
    Err(Failure::data(format!(
        "{problems} problem(s) found; rehab will not write to a profile until its files load"
    )))
}

/// Checks one profile folder and explains each problem; returns how many it found.
fn check_profile(ctx: &Ctx, name: &str, dir: &Path, t: &mut String) -> usize {
    let shown = crate::text::clean(name);
    if let Err(why) = validate_name(name) {
        let _ = writeln!(t, "\nFolder `{shown}`: not used as a profile: {why}");
        return 0;
    }
    let _ = writeln!(t, "\nProfile `{shown}` ({})", crate::text::path(dir));
    let mut problems = 0;
    match read_profile(&ctx.paths, name) {
        Ok(p) => {
            let _ = writeln!(
                t,
                "  {PROFILE_FILE}: ok (condition {})",
                crate::text::clean(&p.condition)
            );
            if ctx.catalog.condition(&p.condition).is_none() {
                problems += 1;
                let _ = writeln!(
                    t,
                    "  problem: the condition `{}` is not in the library\n  fix: \
                     `rehab --profile {name} profile set --condition ID` (see `rehab conditions`)",
                    crate::text::clean(&p.condition)
                );
            }
        }
        Err(e) => {
            problems += 1;
            explain(t, &e, &dir.join(PROFILE_FILE));
        }
    }
    match JournalFile::open(dir) {
        Ok(j) => {
            // Not a file problem, but the first thing a person asking "is all well?" needs.
            if let Ok(p) = read_profile(&ctx.paths, name)
                && let Some(why) =
                    crate::session::gate(&ctx.catalog, &p, j.state(), ctx.today).refusal()
            {
                let _ = writeln!(t, "  plan on hold: {}", crate::text::clean(&why));
            }
            let _ = writeln!(
                t,
                "  {JOURNAL_FILE}: ok ({} record(s), version {})",
                j.state().records,
                j.version()
            );
            for w in j.warnings() {
                let _ = writeln!(
                    t,
                    "  note: {w}\n    This line was cut short when rehab was stopped mid-write \
                     (a crash, a kill, a power cut or a full disk). It is ignored and harms nothing; every \
                     other record is intact. You may delete the line in an editor."
                );
            }
        }
        Err(e) => {
            problems += 1;
            explain(t, &e, &dir.join(JOURNAL_FILE));
        }
    }
    problems += check_lock_and_temps(dir, t);
    problems
}

/// The lock file must be a regular file (or absent); temporary files a killed save left are
/// removed under the lock and named. Returns the problems found.
fn check_lock_and_temps(dir: &Path, t: &mut String) -> usize {
    let lock = dir.join(LOCK_FILE);
    if let Ok(meta) = std::fs::symlink_metadata(&lock)
        && let Some(what) = crate::store::files::not_regular(&meta)
    {
        let _ = writeln!(
            t,
            "  problem: {LOCK_FILE} is {what}, not a regular file; rehab will not write to this \
             profile (it never follows or replaces such a file)\n  fix: remove it (`rm {}`); \
             rehab makes a new one.",
            crate::text::path(&lock)
        );
        return 1;
    }
    match sweep_temps(dir) {
        Ok(Some(removed)) => {
            for file in removed {
                let _ = writeln!(
                    t,
                    "  cleaned: removed {}, left by a save that was interrupted (the real files \
                     were never touched by it)",
                    crate::text::clean(&file)
                );
            }
        }
        Ok(None) => {
            let _ = writeln!(
                t,
                "  note: another rehab is saving to this profile; its temporary files were left \
                 alone"
            );
        }
        // A read-only folder: say which leftovers there are, without touching them.
        Err(_) => {
            let leftovers = std::fs::read_dir(dir)
                .into_iter()
                .flatten()
                .filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.starts_with(TEMP_PREFIX));
            for file in leftovers {
                let _ = writeln!(
                    t,
                    "  note: {} is left from a save that was interrupted; the real files are \
                     intact and it can be deleted.",
                    crate::text::clean(&file)
                );
            }
        }
    }
    0
}

fn explain(t: &mut String, e: &StoreError, path: &Path) {
    let _ = writeln!(t, "  problem: {e}");
    let file = path.display();
    let fix = match e {
        StoreError::NoProfile { name, .. } => format!(
            "this folder has no {PROFILE_FILE}. Create one with `rehab profile new {name} \
             --condition ID`; a journal already in the folder is kept."
        ),
        StoreError::Profile(crate::profile::ProfileError::Newer { .. })
        | StoreError::Journal(crate::journal::JournalError::Newer { .. }) => {
            "this file was written by a newer rehab. Install that version again; this one \
              leaves the file alone."
                .to_string()
        }
        StoreError::Io { source, .. }
            if matches!(
                crate::store::files::Refused::of(source),
                Some(crate::store::files::Refused::TooLarge { .. })
            ) =>
        {
            // Nothing here is discarded: the whole file is kept aside, and the part that is
            // read again is a copy of its header and newest lines.
            if path.file_name().is_some_and(|n| n == JOURNAL_FILE) {
                format!(
                    "keep every line: move it aside (`mv {file} {file}.full`; that copy is never                      changed), then start the journal again from its header and newest lines:                      `{{ head -n 1 {file}.full; tail -n 500000 {file}.full; }} > {file}`. The                      older weeks stay in {file}.full, readable with any text editor."
                )
            } else {
                format!(
                    "open {file} in a text editor and shorten its longest text (the patient                      notes, most likely); nothing else needs to change. Keep a copy first                      (`cp {file} {file}.full`)."
                )
            }
        }
        StoreError::Io { source, .. } if crate::store::files::Refused::of(source).is_some() => {
            format!(
                "move it away (`mv {file} {file}.moved`) and put a regular file there, or none: \
                 a missing journal starts afresh, a missing profile is created again with \
                 `rehab profile new`."
            )
        }
        StoreError::Io { .. } => "check the file's permissions and the disk, then run \
                                  `rehab doctor` again."
            .to_string(),
        _ => format!(
            "open {file} in a text editor and correct the place named above (compare with \
             `rehab profile show` output of a working profile or the examples in the README).\n  \
             Or move it away to keep it (`mv {file} {file}.broken`): a moved journal starts \
             afresh, a moved profile must be created again with `rehab profile new`.\n  \
             Until then rehab reads nothing from and writes nothing to this profile."
        ),
    };
    let _ = writeln!(t, "  fix: {fix}");
}
