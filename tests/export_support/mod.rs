//! The fixed plan the export tests print: the fixture library's `fx-knee` over three weeks,
//! with a made-up history, so the snapshots never depend on the shipped library's wording.
#![allow(dead_code)]

use jiff::civil::{Date, date};
use rehab_planner::catalog::{Catalog, SourceText};
use rehab_planner::export::{Decision, ExportInput, PainPoint, Patient, WeekDecision, WeekHistory};
use rehab_planner::plan::{Day, Overrides, Settings, build_program};

pub const FIXTURE: &str = include_str!("../fixtures/export_library.ron");

pub fn catalog_with(extra: &[SourceText]) -> Catalog {
    let mut files = vec![SourceText::new(
        "tests/fixtures/export_library.ron",
        FIXTURE,
    )];
    files.extend_from_slice(extra);
    let loaded = Catalog::load(&files).expect("the built-in library loads");
    assert!(
        loaded.problems.is_empty(),
        "fixture problems: {:?}",
        loaded.problems
    );
    loaded.catalog
}

pub fn settings() -> Settings {
    Settings {
        start: date(2026, 11, 23),
        days_per_week: 4,
        run_days: vec![Day::Tue, Day::Thu, Day::Sat],
        equipment: vec![rehab_planner::catalog::Equipment::Band],
        minutes: 45,
        cross_training: Vec::new(),
        no_running: false,
        running_now: None,
    }
}

pub const PRINTED_ON: Date = date(2026, 11, 20);

pub fn patient() -> Patient {
    Patient {
        name: Some("Jane Runner".into()),
        clinician: Some("Sam Physio".into()),
        clinic: Some("Riverside Sports Clinic".into()),
        notes: Some("Left knee. Keep runs on flat ground for now.".into()),
    }
}

/// The fixture plan for `fx-knee` (or another condition of `catalog`) over `weeks` weeks.
pub fn input_for(catalog: &Catalog, condition: &str, weeks: u32) -> ExportInput {
    let condition = catalog
        .condition(condition)
        .expect("condition in the fixture");
    let program = build_program(
        catalog,
        condition,
        &settings(),
        &Overrides::default(),
        weeks,
    )
    .expect("the fixture plan builds");
    let mut input = ExportInput::assemble(catalog, condition, program.weeks, PRINTED_ON, patient());
    // The shipped library's own red flags would make the snapshots follow its wording.
    input.red_flags.retain(|f| f.id.starts_with("fx-"));
    input.sources.retain(|s| s.key.starts_with("FX-"));
    input
}

pub fn input(weeks: u32) -> ExportInput {
    input_for(&catalog_with(&[]), "fx-knee", weeks)
}

/// The fixture plan with two logged weeks and their decisions, as a profile would have.
pub fn input_with_history() -> ExportInput {
    let mut input = input(3);
    let pain =
        |monday: Date, during: [Option<u8>; 7], morning: [Option<u8>; 7]| -> Vec<PainPoint> {
            (0..7)
                .map(|i| PainPoint {
                    date: monday
                        .checked_add(jiff::Span::new().days(i as i64))
                        .expect("date"),
                    during: during[i],
                    morning: morning[i],
                })
                .collect()
        };
    input.history = Some(vec![
        WeekHistory {
            week: 1,
            monday: date(2026, 11, 23),
            adherence_pct: Some(86),
            pain: pain(
                date(2026, 11, 23),
                [Some(3), Some(3), None, Some(2), Some(2), None, Some(1)],
                [Some(2), Some(2), Some(2), Some(1), None, Some(1), Some(1)],
            ),
        },
        WeekHistory {
            week: 2,
            monday: date(2026, 11, 30),
            adherence_pct: Some(71),
            pain: pain(
                date(2026, 11, 30),
                [Some(2), Some(4), Some(3), None, Some(2), Some(2), Some(10)],
                [
                    Some(1),
                    Some(2),
                    Some(3),
                    Some(2),
                    Some(1),
                    Some(1),
                    Some(0),
                ],
            ),
        },
    ]);
    input.decisions = vec![
        WeekDecision {
            week: 1,
            decision: Decision::Progress,
            reason: "all sessions green and 86% done".into(),
        },
        WeekDecision {
            week: 2,
            decision: Decision::Hold,
            reason: "adherence under 80%".into(),
        },
    ];
    input
}
