//! `rehab today`: the day's items, numbered, with their ticks, pain and notes, under the lines
//! that stand (advice, a clinician's review due, running paused).

use std::fmt::Write as _;

use jiff::civil::Date;

use super::{Loaded, let_go, load, print, refused};
use crate::catalog::Catalog;
use crate::cli::{CmdResult, Ctx, Failure};
use crate::journal::{DayLog, ItemStatus, JournalState};
use crate::plan::DayPlan;
use crate::profile::Profile;
use crate::session::{DayCounts, ProgramWeek, Refusal, Standing, Urgency, item_name, pain_text};
use crate::text::clean;

/// `rehab today`.
pub fn today(ctx: &Ctx, date: Option<Date>) -> CmdResult {
    let date = date.unwrap_or(ctx.today);
    let Loaded { open, standing } = load(ctx, date)?;
    if let Some(text) = standing.gate.refusal() {
        return Err(refused(Refusal::Gate(text)));
    }
    let text = day_page(
        (&ctx.catalog, ctx.ascii),
        &open.profile,
        open.journal.state(),
        &standing,
        (date, ctx.today),
    );
    let shown = print(&text);
    let_go(open);
    shown
}

/// What `rehab today` prints on `today` for a profile and its journal, worked out afresh (the
/// command reads a saved progression to be quicker; the text is the same). For the tests that
/// compare every view.
pub fn today_text(
    catalog: &Catalog,
    profile: &Profile,
    journal: &JournalState,
    today: Date,
    ascii: bool,
) -> Result<String, Failure> {
    let standing = Standing::compute(catalog, profile, journal, today);
    if let Some(text) = standing.gate.refusal() {
        return Err(refused(Refusal::Gate(text)));
    }
    let page = day_page(
        (catalog, ascii),
        profile,
        journal,
        &standing,
        (today, today),
    );
    Ok(page)
}

/// The page for `date`, seen on `today`: its heading, the standing lines, the day.
fn day_page(
    (catalog, ascii): (&Catalog, bool),
    profile: &Profile,
    journal: &JournalState,
    standing: &Standing,
    (date, today): (Date, Date),
) -> String {
    let mut text = String::new();
    let this = if date == today { "Today, " } else { "" };
    let day_name = date.strftime("%a %-d %b %Y");
    match (
        ProgramWeek::of(&profile.settings, date),
        standing.week_holding(date),
    ) {
        (ProgramWeek::Week(n), Some(week)) => {
            let _ = writeln!(
                text,
                "{this}{day_name} · week {n} · {}",
                clean(&week.phase_name)
            );
        }
        (ProgramWeek::Week(n), None) => {
            let _ = writeln!(text, "{this}{day_name} · week {n}");
        }
        (ProgramWeek::BeforeStart { starts }, _) => {
            let _ = writeln!(text, "{this}{day_name} · the program starts on {starts}");
        }
    }
    text.push_str(&standing_lines(standing));
    let day = standing.day(date);
    if let Some(fit) = standing
        .week_holding(date)
        .and_then(|w| w.does_not_fit.as_ref())
    {
        let _ = writeln!(text, "! {}", clean(&fit.line()));
    }
    let log = journal.day(date);
    text.push_str(&day_text(catalog, ascii, &day, log));
    for a in journal.activities_in(date..=date) {
        let _ = writeln!(text, "From the watch: {}", a.figures());
    }
    text
}

/// The standing lines, one per line, each marked by how urgent it is.
pub(crate) fn standing_lines(standing: &Standing) -> String {
    let mut t = String::new();
    for line in &standing.lines {
        let mark = match line.urgency {
            Urgency::Stop | Urgency::Hold => "! ",
            Urgency::Advise => "Advice: ",
            Urgency::Info => "Note: ",
        };
        let _ = writeln!(t, "{mark}{}", clean(&line.text));
    }
    t
}

/// The numbered items of a day with their ticks, then pain and notes.
fn day_text(catalog: &Catalog, ascii: bool, day: &DayPlan, log: Option<&DayLog>) -> String {
    let mut t = String::new();
    if day.is_rest() {
        let _ = writeln!(t, "Rest day: nothing planned.");
    }
    for (i, item) in day.items.iter().enumerate() {
        let status = log.and_then(|l| l.status(&item.exercise));
        let mark = match status {
            Some(ItemStatus::Done { sets: None }) => (if ascii { "[x]" } else { "[✓]" }).into(),
            Some(ItemStatus::Done { sets: Some(n) }) => format!("[{n}/{}]", item.dose.sets),
            Some(ItemStatus::Skipped(_)) => "[-]".into(),
            None => "[ ]".into(),
        };
        let _ = write!(
            t,
            "{:>2}. {mark:<5} {:<26} {:<34} {:>3} min",
            i + 1,
            item.exercise,
            item.dose.sets_text(),
            item.minutes * item.sessions.max(1)
        );
        let _ = write!(t, "  {}", item_name(catalog, item));
        if item.sessions > 1 {
            let _ = write!(t, " ({} sessions)", item.sessions);
        }
        if item.optional {
            let _ = write!(t, " (optional)");
        }
        if let Some(ItemStatus::Skipped(reason)) = status {
            let _ = write!(t, " (skipped: {})", reason.label());
        }
        let _ = writeln!(t);
        // The rest of the dose (hold, tempo, rest, weight, bend, step ...) under its sets.
        let details = item.dose.details();
        if !details.is_empty() {
            let _ = writeln!(t, "              {}", clean(&details.join(", ")));
        }
        if let Some(why) = &item.reason {
            let _ = writeln!(t, "              {}", clean(why));
        }
    }
    if let Some(log) = log {
        let extra: Vec<&std::sync::Arc<str>> = log
            .items
            .keys()
            .filter(|id| !day.items.iter().any(|i| *i.exercise == ***id))
            .collect();
        for id in extra {
            let _ = writeln!(t, "    also logged: {}", clean(id));
        }
        if let Some(p) = log.pain {
            let _ = writeln!(t, "Pain: {}", pain_text(&p));
        }
        for (id, p) in &log.item_pain {
            let _ = writeln!(t, "Pain ({}): {}", clean(id), pain_text(p));
        }
        for note in &log.notes {
            let _ = writeln!(t, "Note: {}", clean(note));
        }
    }
    if !day.is_rest() {
        if let Some(time) = day.time_summary() {
            let _ = writeln!(t, "Time: {time}.");
        }
        let _ = writeln!(
            t,
            "{}. Tick with `rehab done N` or `rehab done ID`.",
            DayCounts::of(day, log)
        );
    }
    t
}
