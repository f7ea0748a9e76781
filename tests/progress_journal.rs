//! The adapter from the journal's replayed state to the engine's log, and the engine run from a
//! profile's journal.

use crate::progress_support;

use std::collections::BTreeMap;

use jiff::civil::{Date, date};
use progress_support::{catalog, settings};
use rehab_planner::journal::{JournalState, PainReport, Record, SkipReason};
use rehab_planner::profile::Profile;
use rehab_planner::progress::{self, Status, Verdict};

fn d(day: i8) -> Date {
    date(2026, 1, day)
}

fn pain(during: Option<u8>, morning: Option<u8>) -> PainReport {
    PainReport {
        during,
        morning,
        ..PainReport::default()
    }
}

#[test]
fn journal_days_become_engine_days() {
    let records = vec![
        Record::Done {
            date: d(5),
            item: "tp-squat".into(),
            sets: None,
        },
        Record::Done {
            date: d(5),
            item: "tp-bridge".into(),
            sets: Some(1),
        },
        Record::Skipped {
            date: d(5),
            item: "tp-bike".into(),
            reason: SkipReason::Time,
        },
        Record::Pain {
            date: d(5),
            item: None,
            report: pain(Some(2), None),
        },
        Record::Pain {
            date: d(5),
            item: Some("tp-squat".into()),
            report: pain(Some(5), None),
        },
        // The morning score added later to the same day.
        Record::Pain {
            date: d(5),
            item: None,
            report: pain(None, Some(3)),
        },
        // A run-only day with a session score: read against the running ceiling.
        Record::Done {
            date: d(6),
            item: "tp-walk-run".into(),
            sets: None,
        },
        Record::Pain {
            date: d(6),
            item: None,
            report: PainReport {
                during: Some(3),
                sharp: Some(true),
                ..PainReport::default()
            },
        },
        Record::Criteria {
            date: d(4),
            id: "return-to-run".into(),
            met: true,
        },
        Record::Criteria {
            date: d(9),
            id: progress::phase_exit_criteria(1),
            met: true,
        },
        Record::Criteria {
            date: d(9),
            id: "something-else".into(),
            met: true,
        },
    ];
    let mut records = records;
    records.push(Record::Assessed {
        date: d(7),
        by: None,
    });
    records.push(Record::Assessed {
        date: d(2),
        by: None,
    });
    let state = JournalState::replay(&records);
    let log = progress::log_from_journal(&state, &catalog());

    // Every assessment, so a later one never rewrites the weeks before it.
    assert_eq!(log.assessed, vec![d(7), d(2)]);

    assert_eq!(log.run_entry, Some(d(4)));
    assert_eq!(log.phase_exits.len(), 1);
    assert_eq!(
        (log.phase_exits[0].phase, log.phase_exits[0].date),
        (1, d(9))
    );
    assert_eq!(log.days.len(), 2);

    let monday = &log.days[0];
    let status = |id: &str| {
        monday
            .items
            .iter()
            .find(|i| &*i.exercise == id)
            .map(|i| (i.status, i.pain))
    };
    assert_eq!(status("tp-squat"), Some((Status::Done, Some(5))));
    assert_eq!(status("tp-bridge"), Some((Status::Partial, None)));
    assert_eq!(status("tp-bike"), Some((Status::Skipped, None)));
    assert_eq!(monday.pain_during, Some(2));
    assert_eq!(monday.run_pain, None);
    assert_eq!(monday.pain_next_morning, Some(3));

    let tuesday = &log.days[1];
    assert_eq!(tuesday.pain_during, None);
    assert_eq!(tuesday.run_pain, Some(3));
    assert!(tuesday.sharp && !tuesday.swelling && !tuesday.limp);
}

#[test]
fn only_serious_red_flag_answers_count() {
    let screen = |day: i8, id: &str| Record::Screened {
        date: d(day),
        answers: BTreeMap::from([(id.to_string(), true), ("tp-other".to_string(), false)]),
    };
    let state = JournalState::replay(&[
        screen(5, "tp-advise"),
        screen(6, "tp-block"),
        screen(7, "not-in-the-library"),
    ]);
    let log = progress::log_from_journal(&state, &catalog());
    let flagged: Vec<Date> = log
        .days
        .iter()
        .filter(|d| d.red_flag)
        .map(|d| d.date)
        .collect();
    assert_eq!(flagged, vec![d(6), d(7)]);
}

#[test]
fn a_profile_runs_from_its_journal() {
    let catalog = catalog();
    let profile = Profile::new("ana", "tp-knee", settings());
    // Week 1: every session of the plan done, then two walk-run-free days with sharp pain.
    let week1 = progress::adapted_week_for_profile(&catalog, &profile, &JournalState::default(), 1)
        .expect("week 1");
    let mut records = Vec::new();
    for day in week1.plan.days.iter().filter(|d| !d.is_rest()) {
        for item in &day.items {
            records.push(Record::Done {
                date: day.date,
                item: item.exercise.clone(),
                sets: None,
            });
        }
        records.push(Record::Pain {
            date: day.date,
            item: None,
            report: pain(Some(1), Some(1)),
        });
    }
    let green = JournalState::replay(&records);
    let weeks = progress::run_profile(&catalog, &profile, &green, 1).expect("run");
    assert_eq!(
        weeks[0].decision.verdict,
        Verdict::Progress,
        "{}",
        weeks[0].decision_line()
    );

    records.push(Record::Pain {
        date: d(6),
        item: None,
        report: PainReport {
            sharp: Some(true),
            ..PainReport::default()
        },
    });
    records.push(Record::Pain {
        date: d(8),
        item: Some("tp-squat".into()),
        report: pain(Some(7), None),
    });
    let painful = JournalState::replay(&records);
    let weeks = progress::run_profile(&catalog, &profile, &painful, 2).expect("run");
    assert_eq!(
        weeks[0].decision.verdict,
        Verdict::StepBack,
        "{}",
        weeks[0].decision_line()
    );
    assert!(
        weeks[0]
            .flags
            .iter()
            .any(|f| f.text().contains("safety questions were asked again")),
        "{:?}",
        weeks[0].flags
    );
    let week2 =
        progress::adapted_week_for_profile(&catalog, &profile, &painful, 2).expect("week 2");
    assert!(
        week2.header_lines()[0].starts_with("week 2, after week 1: stepped back: 2 red sessions")
    );

    let through = progress::outcomes_through(&catalog, &profile, &painful, d(14)).expect("through");
    assert_eq!(through.len(), 2);
    assert_eq!(through[1].plan, week2.plan);
    assert!(
        progress::outcomes_through(&catalog, &profile, &painful, d(4))
            .expect("before")
            .is_empty()
    );

    let unknown = Profile::new("bo", "no-such-condition", settings());
    let err = progress::run_profile(&catalog, &unknown, &green, 1).expect_err("unknown");
    assert!(err.to_string().contains("no-such-condition"), "{err}");
}
