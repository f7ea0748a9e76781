//! Lines that stand, and only while they stand (issue 25): over random journals of answers,
//! warning signs and assessments, no safety line is shown once its matter is closed, every
//! line of a hold is shown while it stands, and every matter, closed or not, is still listed
//! with its date in the follow-up report.

#![allow(clippy::unwrap_used)]

use std::collections::BTreeMap;

use jiff::ToSpan;
use jiff::civil::{Date, date};
use proptest::prelude::*;
use rehab_planner::catalog::{Catalog, FlagLevel};
use rehab_planner::export::Format;
use rehab_planner::handover::{assemble_report, render_report};
use rehab_planner::journal::{JournalState, PainReport, Record};
use rehab_planner::plan::Settings;
use rehab_planner::profile::Profile;
use rehab_planner::session::{Gate, Standing};

const START: Date = date(2026, 11, 2);
/// Wednesday of week 4: the report's four weeks hold every event.
const TODAY: Date = date(2026, 11, 25);

#[derive(Debug, Clone)]
enum Event {
    /// The questions answered; `Some(i)`: "yes" to the i-th of the stop, block and advise
    /// questions below, the rest "no".
    Screen(Option<usize>),
    WarningSign,
    Assess,
}

fn event() -> impl Strategy<Value = Event> {
    prop_oneof![
        3 => proptest::option::of(0usize..3).prop_map(Event::Screen),
        1 => Just(Event::WarningSign),
        1 => Just(Event::Assess),
    ]
}

/// Days from the start (0..=23) with an event each, in date order.
fn timeline() -> impl Strategy<Value = Vec<(i64, Event)>> {
    proptest::collection::vec((0i64..=23, event()), 1..10).prop_map(|mut v| {
        v.sort_by_key(|(d, _)| *d);
        v
    })
}

struct Built {
    profile: Profile,
    journal: JournalState,
    yes_on: Vec<(Date, String)>,
    assessed_on: Vec<Date>,
    signs_on: Vec<Date>,
}

fn build(catalog: &Catalog, events: &[(i64, Event)]) -> Built {
    let picks: Vec<String> = [FlagLevel::Stop, FlagLevel::Block, FlagLevel::Advise]
        .iter()
        .map(|level| {
            catalog
                .red_flags
                .iter()
                .find(|f| f.level == *level)
                .unwrap()
                .id
                .to_string()
        })
        .collect();
    let mut settings = Settings::new(START);
    settings.days_per_week = 7;
    let mut profile = Profile::new("me", "pfps", settings);
    let mut records = Vec::new();
    let (mut yes_on, mut assessed_on, mut signs_on) = (Vec::new(), Vec::new(), Vec::new());
    for (offset, event) in events {
        let day = START.checked_add(offset.days()).unwrap();
        match event {
            Event::Screen(yes) => {
                let answers: BTreeMap<String, bool> = catalog
                    .red_flags
                    .iter()
                    .map(|f| {
                        let raised = yes.is_some_and(|i| picks[i] == f.id.as_str());
                        (f.id.to_string(), raised)
                    })
                    .collect();
                if let Some(i) = yes {
                    yes_on.push((day, picks[*i].clone()));
                }
                profile.red_flags.answered_on = Some(day);
                profile.red_flags.answers = answers.clone();
                records.push(Record::Screened { date: day, answers });
            }
            Event::WarningSign => {
                signs_on.push(day);
                records.push(Record::Pain {
                    date: day,
                    item: None,
                    report: PainReport {
                        swelling: Some(true),
                        ..PainReport::default()
                    },
                });
            }
            Event::Assess => {
                assessed_on.push(day);
                records.push(Record::Assessed {
                    date: day,
                    by: Some("B. Physio".into()),
                });
            }
        }
    }
    Built {
        profile,
        journal: JournalState::replay(&records),
        yes_on,
        assessed_on,
        signs_on,
    }
}

/// The words only a hold says: a refusal, a pause, a due check.
const HOLD_WORDS: [&str; 5] = [
    "No plan",
    "Plan paused",
    "safety questions are due",
    "See a doctor or physiotherapist: sharp pain",
    "does not lift this",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn safety_lines_stand_only_while_their_matter_does(events in timeline()) {
        let catalog = Catalog::builtin().unwrap();
        let b = build(&catalog, &events);
        let standing = Standing::compute(&catalog, &b.profile, &b.journal, TODAY);
        let held_messages: Vec<String> = catalog
            .red_flags
            .iter()
            .filter(|f| f.level != FlagLevel::Advise)
            .map(|f| f.message.to_string())
            .collect();
        let report = assemble_report(&catalog, &b.profile, &b.journal, TODAY, 4);
        let text = render_report(&report, Format::Text, false);
        let standing_now: String = text
            .split("Standing now")
            .nth(1)
            .and_then(|s| s.split("Weeks:").next())
            .unwrap_or("")
            .to_string();

        match &standing.gate {
            Gate::Open { .. } => {
                // Closed: no line of a hold anywhere the standing lines go.
                for line in &standing.lines {
                    for words in HOLD_WORDS {
                        prop_assert!(!line.text.contains(words), "{:?}: {}", standing.gate, line.text);
                    }
                    for message in &held_messages {
                        prop_assert!(!line.text.contains(message.as_str()), "{}", line.text);
                    }
                }
                for words in HOLD_WORDS {
                    prop_assert!(!standing_now.contains(words), "report: {standing_now}");
                }
                // Advice stands only until a clinician has seen the knee after it.
                let latest_screen = b.journal.last_screened.map(|(_, d)| d);
                if let (Some(screened), Some(assessed)) = (latest_screen, b.assessed_on.last())
                    && *assessed > screened
                {
                    let advice = catalog
                        .red_flags
                        .iter()
                        .find(|f| f.level == FlagLevel::Advise)
                        .unwrap();
                    prop_assert!(
                        standing.lines.iter().all(|l| l.text != advice.message.as_str()),
                        "advice after an assessment: {:?}",
                        standing.lines
                    );
                }
            }
            held => {
                // Standing: said first on every view, and in the report.
                let refusal = held.refusal().unwrap();
                prop_assert_eq!(&standing.lines[0].text, &refusal);
                prop_assert!(standing.day(TODAY).items.is_empty());
                prop_assert!(standing_now.contains(&refusal[..40]), "report: {standing_now}");
            }
        }

        // Every matter, closed or standing, is listed with its date.
        for (day, _) in &b.yes_on {
            prop_assert!(text.contains(&format!("{day}: yes to")), "{day} missing:\n{text}");
        }
        for day in &b.assessed_on {
            prop_assert!(
                text.contains(&format!("clinician's assessment: {day}")),
                "{day} missing:\n{text}"
            );
        }
        for day in &b.signs_on {
            prop_assert!(text.contains(&format!("logged on {day}")), "{day} missing:\n{text}");
        }
    }
}
