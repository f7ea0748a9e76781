//! `today`, `done`, `undo`, `skip`, `pain`, `note`, and (in submodules) `profile`, `history`,
//! `export-data` and `doctor`: the commands that read and write a profile's journal.

mod doctor;
mod history;
mod profile_cmds;
mod today;

use std::fmt::Write as _;
use std::io::Write;

use jiff::ToSpan;
use jiff::civil::Date;

pub use doctor::doctor;
pub use history::{export_data, history};
pub use profile_cmds::profile;
use today::pain_text;
pub use today::today;

use super::args::{PainArgs, SkipReason as SkipArg};
use super::{CmdResult, Ctx, Failure};
use crate::catalog::closest;
use crate::journal::{self, PainReport, Record, SkipReason};
use crate::plan::{DayPlan, PlanItem, WeekPlan};
use crate::progress;
use crate::store::{OpenProfile, StoreError};
use crate::text::clean;

fn print(text: &str) -> CmdResult {
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.flush()?;
    Ok(())
}

/// A store error as a command failure: all are about the data (exit 1).
pub(crate) fn store_failure(e: StoreError) -> Failure {
    Failure::data(e.to_string())
}

/// Opens the current profile, saying on stderr which torn lines were skipped.
fn open(ctx: &Ctx) -> Result<OpenProfile, Failure> {
    let open = OpenProfile::open(&ctx.paths, &ctx.profile).map_err(store_failure)?;
    let mut err = std::io::stderr().lock();
    for w in open.journal.warnings() {
        let path = open.journal.path().display();
        let _ = writeln!(err, "rehab: warning: {path}:{}: {}", w.line, w.message);
    }
    Ok(open)
}

/// The pain-adapted week holding `date` for the profile.
fn week(ctx: &Ctx, open: &OpenProfile, date: Date) -> Result<WeekPlan, Failure> {
    progress::week_for(&ctx.catalog, &open.profile, open.journal.state(), date)
        .map(|outcome| outcome.plan)
        .map_err(|e| Failure::data(e.to_string()))
}

/// Days that have not come yet cannot be logged.
fn check_not_future(ctx: &Ctx, date: Date) -> Result<(), Failure> {
    if date > ctx.today {
        return Err(Failure::usage(format!(
            "{date} has not come yet (today is {}); pick a day up to today with --date",
            ctx.today
        )));
    }
    Ok(())
}

fn day_of(week: &WeekPlan, date: Date) -> DayPlan {
    week.day(date).cloned().unwrap_or(DayPlan {
        date,
        items: Vec::new(),
    })
}

/// An item as typed: its number in `rehab today`, or an exercise id (planned that day or not).
fn resolve<'a>(
    ctx: &Ctx,
    day: &'a DayPlan,
    text: &str,
) -> Result<(String, Option<&'a PlanItem>), Failure> {
    let text = text.trim();
    if let Ok(n) = text.parse::<usize>() {
        return match day.items.get(n.wrapping_sub(1)) {
            Some(item) => Ok((item.exercise.clone(), Some(item))),
            None => Err(Failure::usage(format!(
                "there is no item {n} on {}: it has {} item(s); `rehab today --date {}` lists them",
                day.date,
                day.items.len(),
                day.date
            ))),
        };
    }
    if let Some(item) = day.items.iter().find(|i| i.exercise == text) {
        return Ok((item.exercise.clone(), Some(item)));
    }
    if ctx.catalog.exercise(text).is_some() {
        return Ok((text.to_string(), None));
    }
    let near = closest(text, day.items.iter().map(|i| i.exercise.as_str()))
        .or_else(|| closest(text, ctx.catalog.exercises.iter().map(|e| e.id.as_str())))
        .map(|n| format!(" Did you mean `{n}`?"))
        .unwrap_or_default();
    Err(Failure::data(format!(
        "unknown item `{}`.{near} Use a number or an id from `rehab today`.",
        clean(text)
    )))
}

/// `rehab done`: every item is checked first; then one write, one fsync.
pub fn done(ctx: &Ctx, items: &[String], date: Option<Date>, sets: Option<u32>) -> CmdResult {
    let mut open = open(ctx)?;
    let date = date.unwrap_or(ctx.today);
    check_not_future(ctx, date)?;
    let day = day_of(&week(ctx, &open, date)?, date);
    let mut records = Vec::new();
    let mut said = String::new();
    for text in items {
        let (id, item) = resolve(ctx, &day, text)?;
        let sets = match (sets, item) {
            (Some(0), _) => return Err(Failure::usage("--sets must be at least 1")),
            (Some(n), Some(item)) if n > item.dose.sets => {
                return Err(Failure::usage(format!(
                    "{id} has {} set(s) on {date}; --sets takes 1-{}",
                    item.dose.sets, item.dose.sets
                )));
            }
            (Some(n), Some(item)) if n == item.dose.sets => None,
            (Some(n), None) if n > journal::MAX_SETS => {
                return Err(Failure::usage(format!(
                    "--sets takes 1-{}",
                    journal::MAX_SETS
                )));
            }
            (sets, _) => sets,
        };
        if item.is_none() {
            let _ = writeln!(said, "note: {id} is not planned on {date}; logged anyway");
        }
        let _ = writeln!(
            said,
            "done: {id} on {date}{}",
            sets.map(|n| format!(" ({n} sets)")).unwrap_or_default()
        );
        records.push(Record::Done {
            date,
            item: id,
            sets,
        });
    }
    open.record(&records).map_err(store_failure)?;
    print(&said)
}

/// `rehab undo`: takes back a tick or a skip.
pub fn undo(ctx: &Ctx, item: &str, date: Option<Date>) -> CmdResult {
    let mut open = open(ctx)?;
    let date = date.unwrap_or(ctx.today);
    let day = day_of(&week(ctx, &open, date)?, date);
    let (id, _) = match resolve(ctx, &day, item) {
        // An id logged that day but no longer planned or in the library can still be undone.
        Err(_) if open.journal.state().status(date, item).is_some() => (item.to_string(), None),
        other => other?,
    };
    if open.journal.state().status(date, &id).is_none() {
        return Err(Failure::data(format!(
            "{} is not ticked or skipped on {date}; nothing to undo",
            clean(&id)
        )));
    }
    open.record(&[Record::Undone {
        date,
        item: id.clone(),
    }])
    .map_err(store_failure)?;
    print(&format!("undone: {} on {date}\n", clean(&id)))
}

/// `rehab skip`.
pub fn skip(ctx: &Ctx, item: &str, reason: SkipArg, date: Option<Date>) -> CmdResult {
    let mut open = open(ctx)?;
    let date = date.unwrap_or(ctx.today);
    check_not_future(ctx, date)?;
    let day = day_of(&week(ctx, &open, date)?, date);
    let (id, _) = resolve(ctx, &day, item)?;
    let reason = match reason {
        SkipArg::Pain => SkipReason::Pain,
        SkipArg::Time => SkipReason::Time,
        SkipArg::Equipment => SkipReason::Equipment,
        SkipArg::Other => SkipReason::Other,
    };
    open.record(&[Record::Skipped {
        date,
        item: id.clone(),
        reason,
    }])
    .map_err(store_failure)?;
    print(&format!("skipped: {id} on {date} ({})\n", reason.label()))
}

/// `rehab pain`. Without --date, pain during goes to today and the next-morning score to
/// yesterday's session, which is the one it follows.
pub fn pain(ctx: &Ctx, args: &PainArgs) -> CmdResult {
    let flags = |on: bool| on.then_some(true);
    let during = PainReport {
        during: args.during,
        morning: None,
        swelling: flags(args.swelling),
        limp: flags(args.limp),
        sharp: flags(args.sharp),
    };
    let morning = PainReport {
        morning: args.morning,
        ..PainReport::default()
    };
    if during.is_empty() && morning.is_empty() {
        return Err(Failure::usage(
            "give a score (--during N, --morning N) or a sign (--swelling, --limp, --sharp)",
        ));
    }
    let mut open = open(ctx)?;
    let session_date = args.date.unwrap_or(ctx.today);
    let morning_date = args
        .date
        .unwrap_or_else(|| ctx.today.checked_sub(1.day()).unwrap_or(ctx.today));
    check_not_future(ctx, session_date)?;
    let item = match &args.item {
        Some(text) => {
            let day = day_of(&week(ctx, &open, session_date)?, session_date);
            Some(resolve(ctx, &day, text)?.0)
        }
        None => None,
    };
    let mut records = Vec::new();
    let mut said = String::new();
    if args.date.is_some() {
        let mut report = during;
        report.morning = args.morning;
        records.push((session_date, report));
    } else {
        if !during.is_empty() {
            records.push((session_date, during));
        }
        if !morning.is_empty() {
            records.push((morning_date, morning));
        }
    }
    let records: Vec<Record> = records
        .into_iter()
        .map(|(date, report)| {
            let p = {
                let mut p = journal::Pain::default();
                p.merge(&report);
                p
            };
            let _ = writeln!(
                said,
                "pain logged for the session on {date}: {}",
                pain_text(&p)
            );
            Record::Pain {
                date,
                item: item.clone(),
                report,
            }
        })
        .collect();
    open.record(&records).map_err(store_failure)?;
    if args.sharp || args.swelling {
        let _ = writeln!(
            said,
            "Sharp pain or swelling: open `rehab` to go through the red-flag questions again."
        );
    }
    print(&said)
}

/// `rehab note`.
pub fn note(ctx: &Ctx, text: &str, date: Option<Date>) -> CmdResult {
    let mut open = open(ctx)?;
    let date = date.unwrap_or(ctx.today);
    check_not_future(ctx, date)?;
    open.record(&[Record::Note {
        date,
        text: text.to_string(),
    }])
    .map_err(store_failure)?;
    print(&format!("note added to {date}\n"))
}
