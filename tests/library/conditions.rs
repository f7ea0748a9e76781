//! Conditions: phases and weeks, ceilings, run modes and the symptom-helper features.

use super::*;

#[test]
fn phases_cover_their_weeks_and_the_program() {
    let catalog = catalog();
    let start = jiff::civil::date(2026, 1, 5);
    for c in &catalog.conditions {
        let total: u32 = c.phases.iter().map(|p| p.weeks).sum();
        assert!(
            c.phases.iter().all(|p| p.weeks >= 1),
            "`{}` has an empty phase",
            c.id
        );
        assert!(
            total >= c.review_week,
            "`{}` phases last {total} weeks, short of its review at week {}",
            c.id,
            c.review_week
        );
        // On the calendar schedule each phase gets exactly its typical weeks, in order.
        let mut settings = Settings::new(start);
        settings.equipment = Equipment::ALL.to_vec();
        let program = build_program(&catalog, c, &settings, &Overrides::default(), total)
            .expect("program builds");
        let phases: Vec<usize> = program.weeks.iter().map(|w| w.state.phase).collect();
        let expected: Vec<usize> = c
            .phases
            .iter()
            .enumerate()
            .flat_map(|(i, p)| std::iter::repeat_n(i, p.weeks as usize))
            .collect();
        assert_eq!(phases, expected, "`{}` week-to-phase map", c.id);
    }
}

/// (id, exercise ceiling, running ceiling, progress median, review week, run mode per phase)
type Expected = (&'static str, u8, u8, u8, u32, [RunMode; 3]);

#[test]
fn ceilings_review_weeks_and_run_modes_follow_the_basis() {
    let catalog = catalog();
    let table: [Expected; 5] = [
        (
            "pfps",
            3,
            2,
            2,
            6,
            [RunMode::PainLimited, RunMode::PainLimited, RunMode::WalkRun],
        ),
        (
            "itbs",
            3,
            2,
            2,
            6,
            [RunMode::PainLimited, RunMode::PainLimited, RunMode::WalkRun],
        ),
        (
            "patellar-tendinopathy",
            5,
            3,
            3,
            12,
            [
                RunMode::PainLimited,
                RunMode::PainLimited,
                RunMode::PainLimited,
            ],
        ),
        (
            "meniscus",
            2,
            2,
            2,
            12,
            [RunMode::None, RunMode::None, RunMode::WalkRun],
        ),
        (
            "knee-oa",
            5,
            3,
            3,
            12,
            [
                RunMode::PainLimited,
                RunMode::PainLimited,
                RunMode::Continuous,
            ],
        ),
    ];
    for (id, exercise_ceiling, running, median, review, modes) in table {
        let c = condition(&catalog, id);
        assert_eq!(
            c.ceilings.exercise, exercise_ceiling,
            "{id} exercise ceiling"
        );
        assert_eq!(c.ceilings.running, running, "{id} running ceiling");
        assert_eq!(c.ceilings.progress_median, median, "{id} progress median");
        assert_eq!(c.review_week, review, "{id} review week");
        for (p, mode) in c.phases.iter().zip(modes) {
            assert_eq!(p.run.mode, mode, "{id} phase `{}` run mode", p.name);
            let run_id = p.run.exercise.as_deref();
            match mode {
                RunMode::WalkRun => assert_eq!(run_id, Some("walk-run"), "{id} `{}`", p.name),
                RunMode::Continuous => assert_eq!(run_id, Some("easy-run"), "{id} `{}`", p.name),
                // Runs the pain rules allow are scheduled and ticked like any item.
                RunMode::PainLimited => assert!(
                    matches!(run_id, Some("run-within-pain-rules" | "run-if-you-run-now")),
                    "{id} `{}`",
                    p.name
                ),
                RunMode::None => assert_eq!(run_id, None, "{id} `{}`", p.name),
            }
        }
        assert!(c.symptoms.iter().any(|s| s.key), "{id} has no key feature");
        assert!(!c.aliases.is_empty() && !c.red_flags.is_empty() && !c.avoid_early.is_empty());
    }
}

#[test]
fn key_symptoms_match_the_symptom_helper_table() {
    let catalog = catalog();
    let key = |id: &str| -> BTreeSet<(String, String)> {
        condition(&catalog, id)
            .symptoms
            .iter()
            .filter(|s| s.key)
            .map(|s| (s.question.to_string(), s.answer.to_string()))
            .collect()
    };
    let pair = |q: &str, a: &str| (q.to_string(), a.to_string());
    assert_eq!(
        key("pfps"),
        BTreeSet::from([
            pair("where", "around-kneecap"),
            pair("worse-with", "stairs-squat-sitting")
        ])
    );
    assert_eq!(
        key("itbs"),
        BTreeSet::from([
            pair("where", "outer-knee"),
            pair("onset", "same-point-in-run")
        ])
    );
    assert_eq!(
        key("patellar-tendinopathy"),
        BTreeSet::from([
            pair("where", "below-kneecap"),
            pair("time-pattern", "eases-when-warm")
        ])
    );
    assert_eq!(
        key("meniscus"),
        BTreeSet::from([
            pair("where", "joint-line"),
            pair("mechanical", "catching-locking")
        ])
    );
    assert_eq!(
        key("knee-oa"),
        BTreeSet::from([pair("time-pattern", "morning-stiffness")])
    );
    let questions = catalog.symptom_questions.len();
    assert!(
        (5..=7).contains(&questions),
        "{questions} symptom questions"
    );
}

/// The typical picture of each condition in the symptom-helper table ranks that condition first.
#[test]
fn each_typical_picture_ranks_its_own_condition_first() {
    let catalog = catalog();
    let pictures: [(&str, [(&str, &str); 7]); 5] = [
        (
            "pfps",
            [
                ("where", "around-kneecap"),
                ("onset", "after-more-training"),
                ("worse-with", "stairs-squat-sitting"),
                ("time-pattern", "during-after-sitting"),
                ("mechanical", "grinding"),
                ("swelling", "little-or-none"),
                ("age", "16-34"),
            ],
        ),
        (
            "itbs",
            [
                ("where", "outer-knee"),
                ("onset", "same-point-in-run"),
                ("worse-with", "downhill-camber"),
                ("time-pattern", "builds-in-run"),
                ("mechanical", "snapping"),
                ("swelling", "outer-only"),
                ("age", "35-44"),
            ],
        ),
        (
            "patellar-tendinopathy",
            [
                ("where", "below-kneecap"),
                ("onset", "jumps-hills-speed"),
                ("worse-with", "jumps-stairs-up"),
                ("time-pattern", "eases-when-warm"),
                ("mechanical", "nothing"),
                ("swelling", "little-or-none"),
                ("age", "16-34"),
            ],
        ),
        (
            "meniscus",
            [
                ("where", "joint-line"),
                ("onset", "twist-or-squat"),
                ("worse-with", "twisting-pivoting"),
                ("time-pattern", "swells-next-day"),
                ("mechanical", "catching-locking"),
                ("swelling", "whole-knee"),
                ("age", "45-plus"),
            ],
        ),
        (
            "knee-oa",
            [
                ("where", "inner-or-whole"),
                ("onset", "over-years"),
                ("worse-with", "long-activity"),
                ("time-pattern", "morning-stiffness"),
                ("mechanical", "grinding"),
                ("swelling", "after-activity"),
                ("age", "45-plus"),
            ],
        ),
    ];
    for (expected, picture) in pictures {
        let answers: std::collections::BTreeMap<String, String> = picture
            .iter()
            .map(|(q, a)| ((*q).to_string(), (*a).to_string()))
            .collect();
        for (q, a) in &picture {
            let known = catalog
                .symptom_questions
                .iter()
                .any(|x| x.id == *q && x.answers.iter().any(|y| y.id == *a));
            assert!(known, "`{q}/{a}` is not a symptom-helper answer");
        }
        let ranked = rehab_planner::triage::rank(&catalog, &answers);
        assert_eq!(ranked[0].condition, expected, "{ranked:?}");
        assert!(
            ranked[0].score > ranked[1].score,
            "{expected} ties: {ranked:?}"
        );
    }
}
