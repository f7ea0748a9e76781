//! `rehab today`: the day's items, numbered, with their ticks, pain and notes.

use std::fmt::Write as _;

use jiff::civil::Date;

use super::{day_of, open, print, week};
use crate::catalog::FlagLevel;
use crate::cli::{CmdResult, Ctx, Failure};
use crate::journal::{self, DayLog, ItemStatus};
use crate::plan::DayPlan;
use crate::profile::Profile;
use crate::text::clean;

/// `rehab today`.
pub fn today(ctx: &Ctx, date: Option<Date>) -> CmdResult {
    let open = open(ctx)?;
    let date = date.unwrap_or(ctx.today);
    let mut text = String::new();
    if let Some(stop) = red_flag_gate(ctx, &open.profile, &mut text) {
        print(&text)?;
        return Err(stop);
    }
    let week = week(ctx, &open, date)?;
    let day = day_of(&week, date);
    let log = open.journal.state().day(date);
    let _ = writeln!(
        text,
        "{}{} · week {} · {}",
        if date == ctx.today { "Today, " } else { "" },
        date.strftime("%a %-d %b %Y"),
        week.state.week,
        clean(&week.phase_name)
    );
    print(&(text + &day_text(ctx, &day, log)))
}

/// The red-flag answers' verdict: a message, and an error when no plan may be shown.
fn red_flag_gate(ctx: &Ctx, profile: &Profile, text: &mut String) -> Option<Failure> {
    let answers = &profile.red_flags;
    if answers.answered_on.is_none() {
        let _ = writeln!(
            text,
            "Note: the red-flag questions have not been answered for this profile yet; \
             open `rehab` to answer them."
        );
        return None;
    }
    let screen = crate::screening::assess(&ctx.catalog, &answers.answers);
    for flag in screen.flags.iter().chain(&screen.lesser) {
        let _ = writeln!(text, "Red flag: {}", clean(&flag.message));
    }
    // An assessment counts only when it came after the answers.
    let assessed = matches!(
        (answers.assessed_by_clinician, answers.answered_on),
        (Some(seen), Some(answered)) if seen >= answered
    );
    if crate::screening::cleared_by_assessment(&screen, assessed) {
        return None;
    }
    Some(Failure::data(if screen.level == Some(FlagLevel::Stop) {
        "no plan: a red-flag answer says to seek care first"
    } else {
        "no plan until a clinician has assessed the knee; record it in `rehab` once they have"
    }))
}

/// The numbered items of a day with their ticks, then pain and notes.
fn day_text(ctx: &Ctx, day: &DayPlan, log: Option<&DayLog>) -> String {
    let mut t = String::new();
    if day.is_rest() {
        let _ = writeln!(t, "Rest day: nothing planned.");
    }
    let mut done = 0;
    let mut minutes_left = 0;
    for (i, item) in day.items.iter().enumerate() {
        let status = log.and_then(|l| l.status(&item.exercise));
        let mark = match status {
            Some(ItemStatus::Done { sets: None }) => (if ctx.ascii { "[x]" } else { "[✓]" }).into(),
            Some(ItemStatus::Done { sets: Some(n) }) => format!("[{n}/{}]", item.dose.sets),
            Some(ItemStatus::Skipped(_)) => "[-]".into(),
            None => "[ ]".into(),
        };
        if matches!(status, Some(ItemStatus::Done { .. })) {
            done += 1;
        } else if status.is_none() {
            minutes_left += item.minutes;
        }
        let name = ctx
            .catalog
            .exercise(&item.exercise)
            .map_or(item.exercise.as_str(), |e| e.name.as_str());
        let _ = write!(
            t,
            "{:>2}. {mark:<5} {:<26} {:<34} {:>3} min",
            i + 1,
            item.exercise,
            item.dose.sets_text(),
            item.minutes * item.sessions.max(1)
        );
        let _ = write!(t, "  {name}");
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
        let _ = writeln!(
            t,
            "{done} of {} done, {minutes_left} min to go. Tick with `rehab done N` or `rehab done ID`.",
            day.items.len()
        );
    }
    t
}

pub(super) fn pain_text(p: &journal::Pain) -> String {
    let score = |s: Option<u8>| s.map_or("-".to_string(), |n| n.to_string());
    let mut t = format!(
        "during {}, next morning {}",
        score(p.during),
        score(p.morning)
    );
    for (flag, name) in [
        (p.swelling, "swelling"),
        (p.limp, "limp"),
        (p.sharp, "sharp pain"),
    ] {
        if flag {
            t.push_str(", ");
            t.push_str(name);
        }
    }
    t
}
