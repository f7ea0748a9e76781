//! `today`, `done`, `undo`, `skip`, `pain`, `note`, and (in submodules) `profile`, `history`,
//! `export-data` and `doctor`: the commands that read and write a profile's journal.

mod doctor;
mod history;
mod profile_cmds;
mod screen;
mod today;

use jiff::civil::Date;

pub use doctor::doctor;
pub use history::{csv_text, export_data, history, history_text, json_text};
pub(crate) use profile_cmds::describe;
pub use profile_cmds::profile;
pub use screen::screen;
pub(crate) use today::standing_lines;
pub use today::{today, today_text};

use super::args::{PainArgs, SkipReason as SkipArg};
use super::{CmdResult, Ctx, Failure};
use crate::journal::SkipReason;
use crate::session::{PainInput, Refusal, Standing, Written};
use crate::store::{OpenProfile, StoreError};

use super::print;

/// A store error as a command failure: all are about the data (exit 1).
pub(crate) fn store_failure(e: StoreError) -> Failure {
    Failure::data(e.to_string())
}

/// Opens the current profile, saying on stderr which torn lines were skipped.
pub(crate) fn open(ctx: &Ctx) -> Result<OpenProfile, Failure> {
    let open = OpenProfile::open(&ctx.paths, &ctx.profile).map_err(store_failure)?;
    for w in open.journal.warnings() {
        let path = open.journal.path().display();
        super::warn(&format!("{path}:{}: {}", w.line, w.message));
    }
    Ok(open)
}

/// A profile opened, and where it stands on the day asked about.
pub(crate) struct Loaded {
    pub open: OpenProfile,
    pub standing: Standing,
}

/// Opens the current profile and works out where it stands, with the weeks through `through`.
/// Years of weeks are worked out from the progression saved beside the journal when it still
/// holds: these commands look at one day and this week, never at the history.
pub(crate) fn load(ctx: &Ctx, through: Date) -> Result<Loaded, Failure> {
    let open = open(ctx)?;
    check_plan(ctx, &open.profile, through)?;
    let standing = open.standing(&ctx.catalog, (ctx.today, through));
    Ok(Loaded { open, standing })
}

/// Refuses, before any week is worked out, a profile whose plan cannot be built from this
/// library, and a day past the weeks a program may have: either would otherwise pass for a
/// rest day, and the second would cost every week up to it.
pub(crate) fn check_plan(
    ctx: &Ctx,
    profile: &crate::profile::Profile,
    through: Date,
) -> Result<(), Failure> {
    if let Some(what) = crate::session::unknown_reference(&ctx.catalog, profile) {
        return Err(Failure::data(format!(
            "{what}\n  The library is the built-in one plus the files in {}; fix the library file \
             or the profile (`rehab profile set`), and `rehab check` shows what the library holds.",
            crate::text::path(&ctx.paths.library)
        )));
    }
    let week = crate::plan::ProgramWeek::of(&profile.settings, through.max(ctx.today));
    if let Some(n) = week.number() {
        crate::plan::check_week(n)
            .map_err(|e| Failure::data(format!("{}: {e}", through.max(ctx.today))))?;
    }
    Ok(())
}

/// Refuses a day that has not come yet before anything is read: a record is only ever for
/// today or a day before.
fn not_yet(ctx: &Ctx, date: Date) -> Result<(), Failure> {
    if date > ctx.today {
        return Err(refused(Refusal::NotYet {
            date,
            today: ctx.today,
        }));
    }
    Ok(())
}

/// A refusal as a command failure: bad input exits 2, the gate or the data 1.
pub fn refused(r: Refusal) -> Failure {
    if r.is_usage() {
        Failure::usage(r.to_string())
    } else {
        Failure::data(r.to_string())
    }
}

/// Writes what a command produced (one write, one fsync) and says what was done. The command
/// ends here, so the profile is let go of without being freed (see [`let_go`]).
fn write(mut open: OpenProfile, written: &Written) -> CmdResult {
    let done = open
        .apply(&written.change())
        .map_err(store_failure)
        .and_then(|_| print(&lines(&written.said)));
    let_go(open);
    done
}

/// Ends the use of a profile at the end of a command without freeing it: the process exits
/// next and its memory goes with it, while freeing years of replayed days one by one would cost
/// more than the rest of `rehab today`. Nothing of it needs dropping (no file or lock is held).
pub(crate) fn let_go(open: OpenProfile) {
    std::mem::forget(open);
}

fn lines(said: &[String]) -> String {
    said.iter().map(|l| format!("{l}\n")).collect()
}

/// `rehab done`: every item is checked first; then one write, one fsync.
pub fn done(ctx: &Ctx, items: &[String], date: Option<Date>, sets: Option<u32>) -> CmdResult {
    let date = date.unwrap_or(ctx.today);
    not_yet(ctx, date)?;
    let Loaded { open, standing } = load(ctx, date)?;
    let written = standing
        .tick(&ctx.catalog, &open.profile, date, items, sets)
        .map_err(|r| match r {
            Refusal::Sets(why) => Failure::usage(format!("--sets: {why}")),
            r => refused(r),
        })?;
    write(open, &written)
}

/// `rehab undo`: takes back a tick or a skip.
pub fn undo(ctx: &Ctx, item: &str, date: Option<Date>) -> CmdResult {
    let date = date.unwrap_or(ctx.today);
    not_yet(ctx, date)?;
    let Loaded { open, standing } = load(ctx, date)?;
    let written = standing
        .untick(&ctx.catalog, open.journal.state(), date, item)
        .map_err(refused)?;
    write(open, &written)
}

/// `rehab skip`.
pub fn skip(ctx: &Ctx, item: &str, reason: SkipArg, date: Option<Date>) -> CmdResult {
    let date = date.unwrap_or(ctx.today);
    not_yet(ctx, date)?;
    let Loaded { open, standing } = load(ctx, date)?;
    let reason = match reason {
        SkipArg::Pain => SkipReason::Pain,
        SkipArg::Time => SkipReason::Time,
        SkipArg::Equipment => SkipReason::Equipment,
        SkipArg::Other => SkipReason::Other,
    };
    let written = standing
        .skip(&ctx.catalog, &open.profile, date, item, reason)
        .map_err(refused)?;
    write(open, &written)
}

/// `rehab pain`.
pub fn pain(ctx: &Ctx, args: &PainArgs) -> CmdResult {
    let input = PainInput {
        during: args.during,
        morning: args.morning,
        swelling: args.swelling,
        limp: args.limp,
        sharp: args.sharp,
        date: args.date,
        item: args.item.clone(),
    };
    // Checked before any file is opened: bad input needs no profile to be refused.
    input.check().map_err(refused)?;
    let date = args.date.unwrap_or(ctx.today);
    not_yet(ctx, date)?;
    let Loaded { open, standing } = load(ctx, date)?;
    let (written, _) = standing
        .log_pain(&ctx.catalog, &open.profile, &input)
        .map_err(refused)?;
    write(open, &written)
}

/// `rehab criteria`: the list with each one's state, or one recorded as met or not met.
pub fn criteria(ctx: &Ctx, met: Option<String>, not_met: Option<String>) -> CmdResult {
    let Loaded { open, standing } = load(ctx, ctx.today)?;
    let state = open.journal.state();
    match (met, not_met) {
        (Some(id), _) => {
            let written = standing
                .record_criteria(&ctx.catalog, state, &id, true)
                .map_err(refused)?;
            write(open, &written)
        }
        (None, Some(id)) => {
            let written = standing
                .record_criteria(&ctx.catalog, state, &id, false)
                .map_err(refused)?;
            write(open, &written)
        }
        (None, None) => {
            let rows = standing.criteria_rows(&ctx.catalog, state);
            let mut t = String::new();
            for r in rows {
                t.push_str(&format!(
                    "[{}] {:<16} {}\n",
                    if r.met { "x" } else { " " },
                    r.id,
                    r.label
                ));
                // What the journal shows for a check it can prove.
                if let Some(log) = &r.log {
                    t.push_str(&format!("    {log}\n"));
                }
            }
            t.push_str("Record with `rehab criteria --met ID` (or --not-met ID).\n");
            print(&t)
        }
    }
}

/// `rehab note`.
pub fn note(ctx: &Ctx, text: &str, date: Option<Date>) -> CmdResult {
    let date = date.unwrap_or(ctx.today);
    not_yet(ctx, date)?;
    let Loaded { open, standing } = load(ctx, date)?;
    let written = standing.note(date, text).map_err(refused)?;
    write(open, &written)
}
