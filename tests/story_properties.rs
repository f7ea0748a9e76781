//! Every view tells the same story (issue 28): over random journals of ticks, partial sets,
//! skips, undos and pain scores of every kind with and without an item, the week's adherence
//! and pain read back from the report's text and table and from the clinic overview agree with
//! one another, with the progression's own numbers and with the journal's count.

#![allow(clippy::unwrap_used)]

use std::collections::BTreeMap;

use jiff::ToSpan;
use jiff::civil::{Date, date};
use proptest::prelude::*;
use rehab_planner::catalog::Catalog;
use rehab_planner::export::Format;
use rehab_planner::handover::{ClinicRow, assemble_report, clinic_text, render_report};
use rehab_planner::journal::{JournalState, PainReport, Record, SkipReason, week_adherence};
use rehab_planner::plan::Settings;
use rehab_planner::profile::Profile;
use rehab_planner::session::Standing;

const START: Date = date(2026, 11, 2);

/// Exercises of the `pfps` plan, and one that no plan holds.
const ITEMS: [&str; 8] = [
    "wall-sit-shallow",
    "quad-set",
    "single-leg-balance",
    "run-within-pain-rules",
    "clamshell",
    "glute-bridge",
    "straight-leg-raise",
    "not-in-any-plan",
];

#[derive(Debug, Clone)]
enum Event {
    Done(usize),
    Partial(usize),
    Skip(usize),
    Undo(usize),
    /// During and next-morning scores, for the session or an item.
    Pain(Option<u8>, Option<u8>, Option<usize>),
}

fn event() -> impl Strategy<Value = Event> {
    let item = 0..ITEMS.len();
    let score = proptest::option::of(0u8..=10);
    prop_oneof![
        4 => item.clone().prop_map(Event::Done),
        1 => item.clone().prop_map(Event::Partial),
        1 => item.clone().prop_map(Event::Skip),
        1 => item.clone().prop_map(Event::Undo),
        2 => (score.clone(), score, proptest::option::of(item)).prop_map(|(d, m, i)| Event::Pain(d, m, i)),
    ]
}

fn journal() -> impl Strategy<Value = (Vec<(i64, Event)>, i64, u8)> {
    (
        proptest::collection::vec((0i64..28, event()), 0..60),
        0i64..28,
        3u8..=7,
    )
}

fn build(events: &[(i64, Event)], days: u8) -> (Profile, JournalState) {
    let catalog = Catalog::builtin().unwrap();
    let mut settings = Settings::new(START);
    settings.days_per_week = days;
    let mut profile = Profile::new("me", "pfps", settings);
    let answers: BTreeMap<String, bool> = catalog
        .red_flags
        .iter()
        .map(|f| (f.id.to_string(), false))
        .collect();
    profile.red_flags.answers = answers.clone();
    // Each week's questions answered on its Monday, so the plan stands throughout.
    let mut records: Vec<Record> = (0..4)
        .map(|w| Record::Screened {
            date: START.checked_add((7 * w).days()).unwrap(),
            answers: answers.clone(),
        })
        .collect();
    profile.red_flags.answered_on = Some(START.checked_add(21.days()).unwrap());
    for (offset, e) in events {
        let date = START.checked_add(offset.days()).unwrap();
        let id = |i: &usize| ITEMS[*i].to_string();
        records.push(match e {
            Event::Done(i) => Record::Done {
                date,
                item: id(i),
                sets: None,
            },
            Event::Partial(i) => Record::Done {
                date,
                item: id(i),
                sets: Some(1),
            },
            Event::Skip(i) => Record::Skipped {
                date,
                item: id(i),
                reason: SkipReason::Time,
            },
            Event::Undo(i) => Record::Undone { date, item: id(i) },
            Event::Pain(during, morning, item) => Record::Pain {
                date,
                item: item.as_ref().map(id),
                report: PainReport {
                    during: *during,
                    morning: *morning,
                    ..PainReport::default()
                },
            },
        });
    }
    records.sort_by_key(Record::date);
    (profile, JournalState::replay(&records))
}

/// The cell after `key` up to " · " or the end of the line.
fn field<'a>(line: &'a str, key: &str) -> Option<&'a str> {
    let rest = &line[line.find(key)? + key.len()..];
    Some(rest.split(" · ").next().unwrap_or(rest).trim_end())
}

/// The lower median, as every view reports it.
fn median(mut v: Vec<u8>) -> Option<u8> {
    v.sort_unstable();
    v.get(v.len().saturating_sub(1) / 2).copied()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn every_view_gives_each_week_the_same_adherence_and_scores((events, today, days) in journal()) {
        let catalog = Catalog::builtin().unwrap();
        let (profile, journal) = build(&events, days);
        let today = START.checked_add(today.days()).unwrap();
        let standing = Standing::compute(&catalog, &profile, &journal, today);
        prop_assert!(standing.plan_error.is_none() && standing.calendar_only.is_none());
        let report = assemble_report(&catalog, &profile, &journal, today, 4);
        let text = render_report(&report, Format::Text, false);
        let table = render_report(&report, Format::Markdown, false);
        let log = rehab_planner::progress::log_from_journal(&journal, &catalog);
        let mut short = Vec::new();
        for o in &standing.outcomes {
            let week = o.week();
            let engine = o.numbers.adherence();
            // The progression's count and the journal's are one count.
            prop_assert_eq!(engine, week_adherence(&o.plan, &journal, today), "week {}", week);
            // The report's week line names the figure, and its decision the same one.
            let head = format!("  Week {week} (from ");
            let mut lines = text.lines().skip_while(|l| !l.starts_with(&head));
            let line = lines.next().unwrap();
            let shown = line.split(" · ").nth(2).unwrap();
            prop_assert_eq!(shown, engine.text(), "{}", line);
            let pain = lines.next().unwrap();
            let decision = lines.next().unwrap();
            if decision.contains("adherence") {
                prop_assert!(decision.contains(&engine.text()), "{}\n{}", line, decision);
            }
            // The table's cell is the same figure.
            let row = table.lines().find(|l| l.starts_with(&format!("| {week} (from "))).unwrap();
            let cell = row.split(" | ").nth(2).unwrap();
            prop_assert_eq!(cell, engine.short(), "{}", row);
            short.push(cell.to_string());
            // Every score counts: the week's morning median over each day's worst score,
            // session and items alike, as the progression reads them.
            let mornings: Vec<u8> = log
                .days
                .iter()
                .filter(|d| o.plan.days.iter().any(|p| p.date == d.date) && d.date <= today)
                .filter_map(|d| d.pain_next_morning)
                .collect();
            let want = median(mornings).map_or("-".to_string(), |m| m.to_string());
            prop_assert_eq!(field(pain, "next morning: median "), Some(want.as_str()), "{}", pain);
        }
        // The overview's figure is the latest week's with anything due, as the report shows it.
        let row = ClinicRow::of(&catalog, &profile, &journal, today);
        let overview = clinic_text(&[row], today, 80);
        let cells: Vec<&str> = overview.lines().nth(2).unwrap().split_whitespace().collect();
        let latest = short.iter().rev().take(2).find(|s| *s != "-").map_or("-", String::as_str);
        let joined = cells.join(" ");
        prop_assert!(
            joined.contains(&format!(" {latest} ")),
            "overview {:?}, weeks {:?}", joined, short
        );
    }
}
