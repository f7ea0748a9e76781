//! Issue 26: one structured dose is the only source of every number a person reads.
//!
//! - Over every condition, phase and a spread of settings, every number printed for an item
//!   is a field of its dose, and the handout's words carry one exercise limit and one running
//!   limit (a clinician's when set).
//! - A clinician's change of each dose field reads the same on Today, the exercise page, the
//!   card, the one-page sheet, the report and a prescription round trip.
//! - A new profile prints the weeks `rehab plan --condition` prints, the weeks ahead marked.

use crate::cli_support;

use std::path::Path;

use jiff::civil::date;
use proptest::prelude::*;
use rehab_planner::catalog::{Catalog, Dose, Equipment, Weight, Work};
use rehab_planner::export::{ExportInput, Patient};
use rehab_planner::plan::{Overrides, Settings, build_program};

fn catalog() -> Catalog {
    Catalog::builtin().expect("built-in library")
}

/// Every number a dose holds, as it may be printed.
fn dose_numbers(d: &Dose) -> Vec<u32> {
    let mut n = vec![d.sets, d.work.amount(), d.rest_s];
    if let Some(t) = &d.tempo {
        n.extend(t.split('-').filter_map(|p| p.parse::<u32>().ok()));
    }
    n.extend(d.hold_each_s);
    n.extend(d.knee_bend);
    n.extend(d.step_cm);
    if let Some((lo, hi)) = d.effort {
        n.extend([u32::from(lo), u32::from(hi), 10]);
    }
    match (d.weight, d.work) {
        (Some(Weight::Kg(kg)), _) => n.push(kg),
        (Some(Weight::RepMax), Work::Reps(r)) => n.push(r),
        _ => {}
    }
    n
}

fn numbers_in(text: &str) -> Vec<u32> {
    text.split(|c: char| !c.is_ascii_digit())
        .filter_map(|t| t.parse().ok())
        .collect()
}

/// The pain scores ("3/10") a text states.
fn scores_in(text: &str) -> Vec<u32> {
    text.match_indices("/10")
        .filter_map(|(at, _)| {
            let digits: String = text[..at]
                .chars()
                .rev()
                .take_while(char::is_ascii_digit)
                .collect();
            digits.chars().rev().collect::<String>().parse().ok()
        })
        .collect()
}

fn settings(days: u8, minutes: u32, equipment: Vec<Equipment>) -> Settings {
    let mut s = Settings::new(date(2026, 3, 2));
    s.days_per_week = days;
    s.minutes = minutes;
    s.equipment = equipment;
    s
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn every_number_printed_for_an_item_is_a_field_of_its_dose_and_one_limit_per_kind(
        condition in 0usize..5,
        days in 3u8..=7,
        minutes in prop::sample::select(vec![15u32, 30, 45, 90]),
        equipment in prop::sample::subsequence(Equipment::ALL.to_vec(), 0..=6),
        ceilings in prop::option::of((0u8..=10, 0u8..=10)),
    ) {
        let catalog = catalog();
        let condition = &catalog.conditions[condition];
        let settings = settings(days, minutes, equipment);
        let mut overrides = Overrides::default();
        if let Some((exercise, running)) = ceilings {
            overrides.ceiling_exercise = Some(exercise);
            overrides.ceiling_running = Some(running);
        }
        let weeks: u32 = condition.phases.iter().map(|p| p.weeks).sum();
        let program = build_program(&catalog, condition, &settings, &overrides, weeks)
            .expect("a program");
        for week in &program.weeks {
            for item in week.days.iter().flat_map(|d| &d.items) {
                let allowed = dose_numbers(&item.dose);
                for shown in [item.dose.describe_work(), item.dose.describe()] {
                    for n in numbers_in(&shown) {
                        // The frequency ("3x a week", "2x a day") is a field too.
                        let frequency = match item.dose.frequency {
                            rehab_planner::catalog::Frequency::PerWeek(k)
                            | rehab_planner::catalog::Frequency::Daily(k) => k,
                        };
                        prop_assert!(
                            allowed.contains(&n) || n == frequency,
                            "{}: {n} in `{shown}` is no field of its dose", item.exercise
                        );
                    }
                }
            }
        }
        // The handout's words, filled, carry the plan's two limits and no other score.
        let mut input = ExportInput::assemble(
            &catalog,
            condition,
            program.weeks,
            date(2026, 3, 2),
            Patient::default(),
        );
        if let Some((exercise, running)) = ceilings {
            input.ceilings.exercise = exercise;
            input.ceilings.running = running;
        }
        let limits = input.limits();
        let filled = input.with_limits();
        for e in &filled.exercises {
            let run = e.kind == rehab_planner::catalog::Kind::Run;
            let limit = u32::from(if run { limits.running } else { limits.exercise });
            let words = e.steps.iter().chain(&e.cues).chain(&e.cautions)
                .chain(e.when_easy.iter()).chain(e.when_painful.iter());
            for t in words {
                prop_assert!(!t.contains('{'), "{}: `{t}` printed unfilled", e.id);
                for s in scores_in(t) {
                    prop_assert_eq!(s, limit, "{}: `{}` states another limit", e.id, t);
                }
            }
        }
        let c = &filled.condition;
        let running_texts = std::iter::once(&c.run_guidance).chain(c.phases.iter().map(|p| &p.run.text));
        for t in running_texts {
            for s in scores_in(t) {
                prop_assert_eq!(s, u32::from(limits.running), "`{}` states another running limit", t);
            }
        }
        if let Some(e) = &filled.education {
            for t in e.topics.iter().flat_map(|t| &t.says) {
                prop_assert!(!t.text.contains('{'), "`{}` printed unfilled", t.text);
                for s in scores_in(&t.text) {
                    prop_assert!(
                        s == u32::from(limits.exercise) || s == u32::from(limits.running),
                        "`{}` states a limit that is neither the exercise nor the running one", t.text
                    );
                }
            }
        }
        let rule = filled.ceiling_rule();
        prop_assert_eq!(
            scores_in(&rule),
            vec![u32::from(limits.exercise), u32::from(limits.running)]
        );
    }
}

// ---- Through the binary: a clinician's dose on every view ----

fn rehab(dir: &Path, args: &[&str]) -> assert_cmd::assert::Assert {
    cli_support::rehab(dir, "2026-03-02", args)
}

fn stdout(a: assert_cmd::assert::Assert) -> String {
    String::from_utf8_lossy(&a.success().get_output().stdout).into_owned()
}

fn all_ids() -> String {
    catalog()
        .red_flags
        .iter()
        .map(|f| f.id.to_string())
        .collect::<Vec<_>>()
        .join(",")
}

/// A runner's-knee profile from Monday 2 March 2026 with its questions answered.
fn profile(dir: &Path) {
    rehab(
        dir,
        &[
            "profile",
            "new",
            "me",
            "--condition",
            "pfps",
            "--start",
            "2026-03-02",
        ],
    )
    .success();
    rehab(dir, &["profile", "set", "--clinician", "B. Physio"]).success();
    rehab(dir, &["screen", "--no", &all_ids()]).success();
}

#[test]
fn each_dose_field_a_clinician_changes_reads_the_same_on_every_view() {
    // Clamshell is on Monday of week 1 in runner's knee.
    let table = [
        "clamshell=4x12",
        "clamshell=3x10 tempo=3-1-3",
        "clamshell=3x10 rest=75",
        "clamshell=3x10 weight=5kg",
        "clamshell=3x10 hold-each=3",
        "clamshell=3x10 bend=45",
        "clamshell=3x10 effort=4-5",
        "clamshell=3x10 freq=2/week",
        "clamshell=3x10 side=both",
    ];
    let catalog = catalog();
    for change in table {
        let dir = tempfile::tempdir().expect("dir");
        let d = dir.path();
        profile(d);
        rehab(d, &["profile", "set", "--dose", change]).success();
        let (_, dose) = rehab_planner::plan::parse_dose_change(&catalog, change, None)
            .expect("the change parses");
        let whole = dose.describe();
        let origin = "dose set by B. Physio on 2026-03-02";

        let today = stdout(rehab(d, &["today"]));
        assert!(
            today.contains(&dose.sets_text()),
            "{change}: Today:\n{today}"
        );
        if let Some(rest) = dose
            .describe_work()
            .strip_prefix(&format!("{}, ", dose.sets_text()))
        {
            assert!(
                today.contains(rest),
                "{change}: Today lacks `{rest}`:\n{today}"
            );
        }
        let show = stdout(rehab(d, &["show", "clamshell"]));
        assert!(
            show.contains(&format!("Dose: {whole} ({origin})")),
            "{change}: exercise page:\n{show}"
        );
        let card = stdout(rehab(d, &["plan", "--weeks", "1", "--format", "markdown"]));
        assert!(
            card.contains(&format!("**Dose:** {whole} ({origin})")),
            "{change}: card:\n{card}"
        );
        // The library's dose never stands beside the clinician's.
        let library = catalog
            .exercise("clamshell")
            .expect("clamshell")
            .dose
            .describe();
        if library != whole {
            assert!(
                !card.contains(&library),
                "{change}: the library's dose is printed too"
            );
            assert!(
                !show.contains(&library),
                "{change}: the page shows the library's dose"
            );
        }
        let sheet = stdout(rehab(d, &["plan", "--sheet", "--format", "markdown"]));
        assert!(
            sheet.contains(&dose.sets_text()),
            "{change}: sheet:\n{sheet}"
        );
        let report = stdout(rehab(d, &["report", "--format", "markdown"]));
        assert!(
            report.contains(&format!(
                "dose of Clamshell set to {whole}, by B. Physio on 2026-03-02"
            )),
            "{change}: report:\n{report}"
        );
        // The prescription file carries the whole dose and who set it, and reads back the same.
        let file = d.join("rx.ron");
        rehab(
            d,
            &["profile", "export", "-o", file.to_str().expect("path")],
        )
        .success();
        rehab(
            d,
            &[
                "profile",
                "import",
                file.to_str().expect("path"),
                "--as",
                "copy",
            ],
        )
        .success();
        let copy = stdout(rehab(d, &["--profile", "copy", "show", "clamshell"]));
        assert!(
            copy.contains(&format!("Dose: {whole} ({origin})")),
            "{change}: after a round trip:\n{copy}"
        );
    }
}

#[test]
fn a_new_profile_prints_the_weeks_the_condition_plan_prints_with_the_weeks_ahead_marked() {
    for condition in [
        "pfps",
        "itbs",
        "patellar-tendinopathy",
        "meniscus",
        "knee-oa",
    ] {
        let dir = tempfile::tempdir().expect("dir");
        let d = dir.path();
        rehab(
            d,
            &[
                "profile",
                "new",
                "me",
                "--condition",
                condition,
                "--start",
                "2026-03-02",
            ],
        )
        .success();
        rehab(d, &["screen", "--no", &all_ids()]).success();
        let mine = stdout(rehab(d, &["plan", "--weeks", "4", "--format", "markdown"]));
        let theirs = stdout(rehab(
            d,
            &[
                "plan",
                "--condition",
                condition,
                "--start",
                "2026-03-02",
                "--weeks",
                "4",
                "--format",
                "markdown",
            ],
        ));
        let grid = |t: &str| -> Vec<String> {
            t.lines()
                .filter(|l| l.starts_with("| ") && !l.starts_with("| #"))
                .map(str::to_string)
                .collect()
        };
        assert_eq!(
            grid(&mine),
            grid(&theirs),
            "{condition}: the week grids differ"
        );
        let marked = mine
            .matches("planned as if the weeks before go well")
            .count();
        assert_eq!(
            marked, 3,
            "{condition}: weeks 2-4 are marked, week 1 is not:\n{mine}"
        );
    }
}

/// Heavy slow resistance (Kongsgaard 2009: 15RM week 1, 12RM weeks 2-3, 10RM weeks 4-5, 8RM
/// weeks 6-8, 6RM weeks 9-12, three times a week, then 6RM twice a week) and decline squats
/// (Purdam 2004: 3 x 15 twice a day), week by week as planned with a gym and a step.
#[test]
fn kongsgaard_and_purdam_weeks() {
    let catalog = catalog();
    let condition = catalog
        .condition("patellar-tendinopathy")
        .expect("condition");
    let weeks: u32 = condition.phases.iter().map(|p| p.weeks).sum();
    let mut lines = Vec::new();
    // With a gym the heavy lifts come; with a step and no gym, decline squats.
    let gym = settings(4, 90, vec![Equipment::Gym, Equipment::Step]);
    let step = settings(4, 90, vec![Equipment::Step]);
    let planned = [&gym, &step].map(|s| {
        build_program(&catalog, condition, s, &Overrides::default(), weeks).expect("program")
    });
    for week in planned.iter().flat_map(|p| &p.weeks) {
        for id in ["heavy-slow-resistance", "decline-squat"] {
            if let Some(item) = week
                .days
                .iter()
                .flat_map(|d| &d.items)
                .find(|i| i.exercise == id)
            {
                lines.push(format!(
                    "week {:>2} (phase {} week {:>2}) {id}: {}",
                    week.state.week,
                    week.state.phase + 1,
                    week.state.week_in_phase,
                    item.dose.describe()
                ));
            }
        }
    }
    insta::assert_snapshot!(lines.join("\n"));
}

/// Someone who does not run reads one pain limit in the rules, the exercise one.
#[test]
fn a_non_runners_pain_rule_has_no_running_limit() {
    let catalog = catalog();
    let condition = catalog.condition("knee-oa").expect("condition");
    let program = build_program(
        &catalog,
        condition,
        &settings(4, 30, Vec::new()),
        &Overrides::default(),
        1,
    )
    .expect("program");
    let mut input = ExportInput::assemble(
        &catalog,
        condition,
        program.weeks,
        date(2026, 3, 2),
        Patient::default(),
    );
    assert_eq!(scores_in(&input.ceiling_rule()).len(), 2);
    input.without_running();
    let rule = input.ceiling_rule();
    assert_eq!(scores_in(&rule), vec![u32::from(input.limits().exercise)]);
    assert!(!rule.contains("running"), "{rule}");
}
