//! `rehab screen`: the red-flag questions on the command line, one at a time on a terminal or
//! every one named by flag in a script. The answers are saved as soon as the last is given.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::{BufRead, IsTerminal, Write};

use super::{open, print, refused, store_failure};
use crate::cli::args::ScreenArgs;
use crate::cli::{CmdResult, Ctx, Failure};
use crate::session::{self, Standing};
use crate::store::OpenProfile;
use crate::text::clean;

/// `rehab screen`.
pub fn screen(ctx: &Ctx, args: &ScreenArgs) -> CmdResult {
    if args.list {
        return print(&question_list(ctx));
    }
    let answers = if args.yes.is_empty() && args.no.is_empty() {
        if !std::io::stdin().is_terminal() {
            return Err(Failure::usage(
                "not a terminal: name every question with --yes ID,... and --no ID,... \
                 (`rehab screen --list` shows the ids)",
            ));
        }
        let mut open = open(ctx)?;
        return ask_and_save(ctx, &mut open);
    } else {
        from_flags(ctx, args)?
    };
    let mut open = open(ctx)?;
    save(ctx, &mut open, &answers)
}

fn question_list(ctx: &Ctx) -> String {
    let mut t = String::new();
    for f in &ctx.catalog.red_flags {
        let _ = writeln!(t, "{:<28} {}", f.id, clean(&f.question));
    }
    t
}

/// `--yes` and `--no` as answers; every question must be named once.
fn from_flags(ctx: &Ctx, args: &ScreenArgs) -> Result<BTreeMap<String, bool>, Failure> {
    let mut answers = BTreeMap::new();
    for (ids, yes) in [(&args.yes, true), (&args.no, false)] {
        for id in ids.iter().map(|i| i.trim()).filter(|i| !i.is_empty()) {
            if answers
                .insert(id.to_string(), yes)
                .is_some_and(|was| was != yes)
            {
                return Err(Failure::usage(format!(
                    "`{}` is given both --yes and --no",
                    clean(id)
                )));
            }
        }
    }
    // The checks that answers are complete and known live in the session, for the app too.
    session::answer_screen(&ctx.catalog, &answers, ctx.today).map_err(|e| {
        Failure::usage(format!(
            "{e} (--yes and --no must name every question; `rehab screen --list` shows the ids)"
        ))
    })?;
    Ok(answers)
}

/// Asks each question on the terminal, then saves the answers. Nothing is saved unless every
/// question was answered.
pub(crate) fn ask_and_save(ctx: &Ctx, open: &mut OpenProfile) -> CmdResult {
    let flags = &ctx.catalog.red_flags;
    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "Red-flag questions ({}): answer y or n. These check for signs that need a clinician \
         before any exercise plan. Guidance, not a diagnosis.",
        flags.len()
    )?;
    let mut input = std::io::stdin().lock();
    // The weekly check (§1.5): every question is shown with the last answer; "nothing has
    // changed" keeps them all in one key, anything else asks each one again.
    let last = &open.profile.red_flags;
    if let Some(on) = last.answered_on
        && flags
            .iter()
            .all(|f| last.answers.contains_key(f.id.as_str()))
    {
        for (i, flag) in flags.iter().enumerate() {
            let yes = last.answers.get(flag.id.as_str()) == Some(&true);
            writeln!(
                out,
                "{:>2}. [{}] {}",
                i + 1,
                if yes { "yes" } else { "no " },
                clean(&flag.question)
            )?;
        }
        write!(
            out,
            "\nThese are your answers of {on}. Has anything changed? n keeps them all, y asks \
             each one again [y/n] "
        )?;
        out.flush()?;
        let mut line = String::new();
        if input.read_line(&mut line)? == 0 {
            return Err(Failure::usage("stopped before answering; nothing saved"));
        }
        if matches!(line.trim().to_ascii_lowercase().as_str(), "n" | "no") {
            writeln!(out)?;
            drop(out);
            let same: BTreeMap<String, bool> = flags
                .iter()
                .map(|f| {
                    let id = f.id.to_string();
                    let yes = last.answers.get(&id) == Some(&true);
                    (id, yes)
                })
                .collect();
            return save(ctx, open, &same);
        }
    }
    let mut answers = BTreeMap::new();
    for (i, flag) in flags.iter().enumerate() {
        loop {
            write!(
                out,
                "\n{}/{} {} [y/n] ",
                i + 1,
                flags.len(),
                clean(&flag.question)
            )?;
            out.flush()?;
            let mut line = String::new();
            if input.read_line(&mut line)? == 0 {
                return Err(Failure::usage(
                    "stopped before the last question; nothing saved (every question needs an answer)",
                ));
            }
            match line.trim().to_ascii_lowercase().as_str() {
                "y" | "yes" => {
                    answers.insert(flag.id.to_string(), true);
                    break;
                }
                "n" | "no" => {
                    answers.insert(flag.id.to_string(), false);
                    break;
                }
                _ => writeln!(out, "Please answer y or n.")?,
            }
        }
    }
    writeln!(out)?;
    drop(out);
    save(ctx, open, &answers)
}

/// Saves complete answers and says where the profile now stands.
fn save(ctx: &Ctx, open: &mut OpenProfile, answers: &BTreeMap<String, bool>) -> CmdResult {
    let written = session::answer_screen(&ctx.catalog, answers, ctx.today).map_err(refused)?;
    open.apply(&written.change()).map_err(store_failure)?;
    let standing = Standing::compute(&ctx.catalog, &open.profile, open.journal.state(), ctx.today);
    let mut t: String = written.said.iter().map(|l| format!("{l}\n")).collect();
    match standing.gate.refusal() {
        Some(text) => {
            print(&t)?;
            return Err(Failure::data(text));
        }
        None if standing.lines.is_empty() => {
            t.push_str("No red flags: the plan goes on (`rehab today`).\n");
        }
        None => {
            t.push_str("The plan goes on, with this in mind:\n");
            t.push_str(&super::today::standing_lines(&standing));
        }
    }
    print(&t)
}
