//! Every view tells the same story (issue 28): over random journals of ticks, partial sets,
//! skips, undos, pain scores of every kind with and without an item and a settings change
//! made mid-programme, the week's adherence
//! and pain read back from the report's text and table and from the clinic overview agree with
//! one another, with the progression's own numbers and with the journal's count; and
//! `rehab history`, `rehab today`, the CSV and JSON exports and the app's Today and History, each read
//! back from its text or screen, say the same.

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
use rehab_planner::tui::app::{App, View};

use crate::tui_common::{listed, show};

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

/// A settings change: the day it is made (clamped to today), training days and minutes.
type Change = Option<(i64, u8, u32)>;

fn journal() -> impl Strategy<Value = (Vec<(i64, Event)>, i64, u8, Change)> {
    (
        proptest::collection::vec((0i64..28, event()), 0..60),
        0i64..28,
        3u8..=7,
        proptest::option::of((
            0i64..28,
            3u8..=7,
            prop_oneof![Just(20u32), Just(30), Just(60)],
        )),
    )
}

fn build(events: &[(i64, Event)], days: u8, change: Change, today: i64) -> (Profile, Vec<Record>) {
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
    // A change of training days or minutes made on or before today plans from the next Monday;
    // the weeks before keep the settings they had.
    if let Some((offset, days, minutes)) = change {
        let mut new = profile.settings.clone();
        new.days_per_week = days;
        new.minutes = minutes;
        profile.change_settings(new, START.checked_add(offset.min(today).days()).unwrap());
    }
    (profile, records)
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
    fn every_view_gives_each_week_the_same_adherence_and_scores((events, today, days, change) in journal()) {
        let catalog = Catalog::builtin().unwrap();
        let (profile, records) = build(&events, days, change, today);
        let journal = JournalState::replay(&records);
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
        other_views(&catalog, &profile, &records, &standing, today, &text)?;
    }
}

/// A view of the app on `today` with the profile and its journal, drawn at 80x24.
fn app_screen(
    catalog: &Catalog,
    profile: &Profile,
    records: &[Record],
    today: Date,
    view: View,
) -> String {
    let theme = rehab_planner::tui::theme::Theme::new(false, false);
    let keymap = rehab_planner::tui::keymap::Keymap::default();
    let mut app = App::new(catalog.clone(), keymap, theme, today, "me".into());
    listed(&mut app, &["me"]);
    app.load(profile.clone(), records);
    show(&mut app, view);
    // The view's weeks, as switching to it works them out.
    app.rebuild();
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 24)).unwrap();
    terminal
        .draw(|f| rehab_planner::tui::ui::render(f, &app))
        .unwrap();
    terminal.backend().to_string()
}

/// The number after `key` in `line`, if any.
fn number_after(line: &str, key: &str) -> Option<u8> {
    let rest = &line[line.find(key)? + key.len()..];
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}

/// One week of `rehab history`, read back: its lines, and each day's worst scores by date.
struct HistoryWeek<'a> {
    head: &'a str,
    pain: &'a str,
    decision: &'a str,
    flags: Vec<&'a str>,
    /// (date, during, next morning) from the day lines.
    days: Vec<(Date, Option<u8>, Option<u8>)>,
}

fn history_week<'a>(history: &'a str, week: u32, monday: Date) -> HistoryWeek<'a> {
    let mut lines = history
        .lines()
        .skip_while(|l| !l.starts_with(&format!("Week {week} (from ")));
    let head = lines.next().unwrap();
    let pain = lines.next().unwrap();
    let mut days = Vec::new();
    let mut decision = "";
    for line in lines.by_ref() {
        if line.starts_with("  (") {
            continue;
        }
        if line.starts_with("  week ") {
            decision = line;
            break;
        }
        if line.starts_with("  nothing logged") {
            continue;
        }
        let date = monday.checked_add((days.len() as i64).days()).unwrap();
        days.push((
            date,
            number_after(line, "  during "),
            number_after(line, "  next morning "),
        ));
    }
    let flags = lines
        .take_while(|l| l.starts_with("  ! "))
        .map(str::trim)
        .collect();
    HistoryWeek {
        head,
        pain,
        decision,
        flags,
        days,
    }
}

/// `rehab history`, `rehab today`, the CSV export and the app's Today and History against the
/// progression's numbers and the report's text.
fn other_views(
    catalog: &Catalog,
    profile: &Profile,
    records: &[Record],
    standing: &Standing,
    today: Date,
    report: &str,
) -> Result<(), TestCaseError> {
    let history = rehab_planner::cli::history_text(
        catalog,
        profile,
        &JournalState::replay(records),
        today,
        (5, false),
    )
    .unwrap();
    let journal = JournalState::replay(records);
    // The CSV export read back: each day's worst score of each kind, items and session alike.
    let csv = rehab_planner::cli::csv_text(records).unwrap();
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let mut csv_worst: BTreeMap<Date, (Option<u8>, Option<u8>)> = BTreeMap::new();
    for row in reader.records() {
        let row = row.unwrap();
        if &row[1] != "pain" {
            continue;
        }
        let date: Date = row[0].parse().unwrap();
        let e = csv_worst.entry(date).or_default();
        e.0 = e.0.max(row[5].parse().ok());
        e.1 = e.1.max(row[6].parse().ok());
    }
    // The JSON export read back the same way: every pain record's scores, by day.
    let json: serde_json::Value =
        serde_json::from_str(&rehab_planner::cli::json_text(profile, records).unwrap()).unwrap();
    let mut json_worst: BTreeMap<Date, (Option<u8>, Option<u8>)> = BTreeMap::new();
    for r in json["records"].as_array().unwrap() {
        let Some(pain) = r.get("Pain") else { continue };
        let date: Date = pain["date"].as_str().unwrap().parse().unwrap();
        let score = |k: &str| {
            pain["report"]
                .get(k)
                .and_then(|v| v.as_u64())
                .map(|v| v as u8)
        };
        let e = json_worst.entry(date).or_default();
        e.0 = e.0.max(score("during"));
        e.1 = e.1.max(score("morning"));
    }
    prop_assert_eq!(&json_worst, &csv_worst);
    let app_history = app_screen(catalog, profile, records, today, View::History);
    let mut all_days = Vec::new();
    for o in &standing.outcomes {
        let week = o.week();
        let engine = o.numbers.adherence();
        let h = history_week(&history, week, o.plan.monday);
        // `rehab history` names the progression's figure, and its decision the same one.
        let want = engine.text();
        prop_assert_eq!(
            h.head.split(" · ").nth(2),
            Some(want.as_str()),
            "{}",
            h.head
        );
        if h.decision.contains("adherence") {
            prop_assert!(h.decision.contains(&engine.text()), "{}", h.decision);
        }
        // The same scores and flags as the report's week.
        let mut r = report
            .lines()
            .skip_while(|l| !l.starts_with(&format!("  Week {week} (from ")));
        let _ = r.next();
        let report_pain = r.next().unwrap().trim();
        prop_assert_eq!(h.pain.trim(), report_pain);
        let _ = r.next();
        let report_flags: Vec<&str> = r
            .take_while(|l| l.starts_with("    ! "))
            .map(str::trim)
            .collect();
        prop_assert_eq!(&h.flags, &report_flags, "week {}", week);
        // Each day's worst scores are the CSV's.
        for (date, during, morning) in &h.days {
            let (d, m) = csv_worst.get(date).copied().unwrap_or_default();
            prop_assert_eq!((*during, *morning), (d, m), "{}\n{}", date, csv);
        }
        // The app's History shows the week's one figure.
        let cell = format!("wk{week} {:>3}", engine.short());
        prop_assert!(app_history.contains(&cell), "{}\n{}", cell, app_history);
        all_days.extend(h.days);
    }
    // The app's chart covers every day so far: its figures are `rehab history`'s day lines'.
    let lines: Vec<&str> = app_history.lines().collect();
    for (label, pick) in [("during", 0), ("next morning", 1)] {
        let values: Vec<u8> = all_days
            .iter()
            .filter_map(|(_, d, m)| if pick == 0 { *d } else { *m })
            .collect();
        let row = lines
            .iter()
            .find(|l| l.starts_with(&format!("\"│{label} ")))
            .ok_or_else(|| TestCaseError::fail(format!("no {label} row:\n{app_history}")))?;
        let shown = (number_after(row, "latest "), number_after(row, "worst "));
        prop_assert_eq!(
            shown,
            (values.last().copied(), values.iter().copied().max()),
            "{}",
            app_history
        );
        // The median is on the row below, or beside the others when a banner leaves one row.
        let below = lines[lines.iter().position(|l| l == row).unwrap() + 1];
        let shown = number_after(row, "median ").or_else(|| number_after(below, "median "));
        prop_assert_eq!(shown, median(values), "{}", app_history);
    }
    // `rehab today` and the app's Today count the day alike, under the same standing lines.
    let today_text =
        rehab_planner::cli::today_text(catalog, profile, &journal, today, false).unwrap();
    for line in history.lines().take_while(|l| !l.starts_with("Week ")) {
        prop_assert!(today_text.contains(line), "{}\n{}", line, today_text);
    }
    if let Some(counts) = today_text
        .lines()
        .find_map(|l| l.strip_suffix(". Tick with `rehab done N` or `rehab done ID`."))
    {
        let app_today = app_screen(catalog, profile, records, today, View::Today);
        prop_assert!(app_today.contains(counts), "{}\n{}", counts, app_today);
    }
    Ok(())
}
