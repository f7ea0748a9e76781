//! The shipped clinical library: it validates, it holds what the clinical basis asks for with the
//! exact doses, its links and sources resolve, and the plan builder can use every phase of it.

use std::collections::{BTreeSet, HashSet};

use assert_cmd::Command;
use rehab_planner::catalog::{
    Catalog, Condition, DoseOrigin, Equipment, Exercise, FlagLevel, Frequency, Grade, Kind,
    RunMode, Work,
};
use rehab_planner::plan::{Overrides, Settings, build_program};

fn catalog() -> Catalog {
    match Catalog::builtin() {
        Ok(catalog) => catalog,
        Err(problems) => {
            let list: Vec<String> = problems.iter().map(ToString::to_string).collect();
            panic!("the built-in library has problems:\n{}", list.join("\n"));
        }
    }
}

fn exercise<'a>(catalog: &'a Catalog, id: &str) -> &'a Exercise {
    catalog
        .exercise(id)
        .unwrap_or_else(|| panic!("the library has no exercise `{id}`"))
}

fn condition<'a>(catalog: &'a Catalog, id: &str) -> &'a Condition {
    catalog
        .conditions
        .iter()
        .find(|c| c.id == id)
        .unwrap_or_else(|| panic!("the library has no condition `{id}`"))
}

const CONDITIONS: [&str; 5] = [
    "pfps",
    "itbs",
    "patellar-tendinopathy",
    "meniscus",
    "knee-oa",
];

#[test]
fn the_builtin_library_validates() {
    let catalog = catalog();
    let ids: Vec<&str> = catalog.conditions.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, CONDITIONS, "the five fixed condition ids, in order");
}

/// Every entry of the clinical basis (E01-E21, warm-ups, home substitutes, late tendon work,
/// cross-training, running) has an exercise of the right kind.
#[test]
fn the_library_covers_the_clinical_basis() {
    let catalog = catalog();
    assert!(
        catalog.exercises.len() >= 40,
        "only {} exercises",
        catalog.exercises.len()
    );
    let required: &[(&str, Kind)] = &[
        ("quad-set", Kind::Isometric),                 // E01
        ("straight-leg-raise", Kind::Strength),        // E02
        ("terminal-knee-extension", Kind::Strength),   // E03
        ("clamshell", Kind::Strength),                 // E04
        ("side-lying-hip-abduction", Kind::Strength),  // E05
        ("glute-bridge", Kind::Strength),              // E06
        ("single-leg-glute-bridge", Kind::Strength),   // E06 progression
        ("wall-sit", Kind::Isometric),                 // E07
        ("spanish-squat", Kind::Isometric),            // E08
        ("decline-squat", Kind::Eccentric),            // E09
        ("heavy-slow-resistance", Kind::Strength),     // E10
        ("step-down", Kind::Strength),                 // E11
        ("mini-squat", Kind::Strength),                // E12
        ("sit-to-stand", Kind::Strength),              // E12
        ("single-leg-balance", Kind::Balance),         // E13
        ("hamstring-stretch", Kind::Stretch),          // E14
        ("calf-stretch", Kind::Stretch),               // E15
        ("hip-flexor-stretch", Kind::Stretch),         // E16
        ("foam-roll-quads", Kind::SoftTissue),         // E17
        ("foam-roll-lateral-thigh", Kind::SoftTissue), // E18
        ("hip-hike", Kind::Strength),                  // E19
        ("side-plank-knees", Kind::Isometric),         // E20
        ("side-plank", Kind::Isometric),               // E20 progression
        ("heel-slides", Kind::Mobility),               // E21
        ("high-knees", Kind::WarmUp),                  // warm-up drills
        ("leg-swings", Kind::WarmUp),                  //
        ("butt-kicks", Kind::WarmUp),                  //
        ("split-squat-hsr", Kind::Strength),           // home substitutes for HSR
        ("goblet-squat-hsr", Kind::Strength),          //
        ("lateral-band-walk", Kind::Strength),         // ITBS late phase
        ("single-leg-squat", Kind::Strength),          //
        ("skipping", Kind::Strength),                  // late tendon rehab
        ("pogo-hops", Kind::Strength),                 //
        ("single-leg-hops", Kind::Strength),           //
        ("cycling", Kind::CrossTraining),              // clinical basis 4
        ("swimming", Kind::CrossTraining),             //
        ("deep-water-running", Kind::CrossTraining),   //
        ("elliptical", Kind::CrossTraining),           //
        ("rowing", Kind::CrossTraining),               //
        ("flat-walking", Kind::CrossTraining),         //
        ("walk-run", Kind::Run),                       // clinical basis 1.4
        ("easy-run", Kind::Run),                       //
    ];
    for (id, kind) in required {
        assert_eq!(exercise(&catalog, id).kind, *kind, "kind of `{id}`");
    }
}

#[test]
fn every_exercise_reads_as_instructions() {
    let catalog = catalog();
    for e in &catalog.exercises {
        assert!(
            (3..=6).contains(&e.steps.len()),
            "`{}` has {} steps",
            e.id,
            e.steps.len()
        );
        assert!(
            (1..=3).contains(&e.cues.len()),
            "`{}` has {} cues",
            e.id,
            e.cues.len()
        );
        assert!(!e.cautions.is_empty(), "`{}` has no cautions", e.id);
        assert!(!e.targets.is_empty(), "`{}` has no targets", e.id);
        for text in e.steps.iter().chain(&e.cues).chain(&e.cautions) {
            assert!(
                !text.trim().is_empty() && !text.contains("placeholder"),
                "`{}` has an empty or placeholder line",
                e.id
            );
        }
    }
}

#[test]
fn every_condition_has_enough_varied_work_and_cross_training_in_every_phase() {
    let catalog = catalog();
    for c in &catalog.conditions {
        let used: BTreeSet<&str> = c
            .phases
            .iter()
            .flat_map(|p| p.exercises.iter().map(|x| x.exercise.as_str()))
            .collect();
        let kinds: BTreeSet<Kind> = used.iter().map(|id| exercise(&catalog, id).kind).collect();
        assert!(
            used.len() >= 8,
            "`{}` uses only {} exercises",
            c.id,
            used.len()
        );
        assert!(kinds.len() >= 3, "`{}` uses only kinds {kinds:?}", c.id);
        assert_eq!(c.phases.len(), 3, "`{}` should have three phases", c.id);
        for (n, p) in c.phases.iter().enumerate() {
            assert!(
                !p.cross_training.is_empty(),
                "`{}` phase {} has no cross-training",
                c.id,
                n + 1
            );
            for x in &p.cross_training {
                assert_eq!(
                    exercise(&catalog, x).kind,
                    Kind::CrossTraining,
                    "`{}` phase {} lists `{x}` as cross-training",
                    c.id,
                    n + 1
                );
            }
            assert!(
                !p.exit_criteria.is_empty(),
                "`{}` phase {} has no exit criteria",
                c.id,
                n + 1
            );
            assert!(!p.goal.trim().is_empty());
            // Every phase offers something needing no equipment, so nobody is left without aerobic work.
            assert!(
                p.cross_training
                    .iter()
                    .any(|x| exercise(&catalog, x).equipment.is_empty()),
                "`{}` phase {} has no equipment-free cross-training",
                c.id,
                n + 1
            );
        }
    }
}

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
            [RunMode::PainLimited, RunMode::PainLimited, RunMode::WalkRun],
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
                RunMode::None | RunMode::PainLimited => {
                    assert_eq!(run_id, None, "{id} `{}`", p.name)
                }
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
            .map(|s| (s.question.clone(), s.answer.clone()))
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

#[test]
fn every_source_key_resolves() {
    let catalog = catalog();
    let mut cited: Vec<(String, &str)> = Vec::new();
    for e in &catalog.exercises {
        for key in std::iter::once(&e.source).chain(&e.see_also) {
            cited.push((format!("exercise {}", e.id), key));
        }
    }
    for c in &catalog.conditions {
        for key in &c.sources {
            cited.push((format!("condition {}", c.id), key));
        }
    }
    for f in &catalog.red_flags {
        cited.push((format!("red flag {}", f.id), &f.source));
    }
    let rules = catalog.pain_rules.as_ref().expect("pain rules");
    cited.push(("pain rules".into(), &rules.source));
    let rtr = catalog.return_to_run.as_ref().expect("return to run");
    cited.push(("return to run".into(), &rtr.source));
    // Our own defaults are labelled as such: grade C and "our default dose".
    for e in catalog.exercises.iter().filter(|e| e.source == "APP") {
        assert_eq!(
            (e.evidence, e.dose_origin),
            (Grade::C, DoseOrigin::AppDefault),
            "{}",
            e.id
        );
    }
    for (who, key) in &cited {
        assert!(
            catalog.source(key).is_some(),
            "{who} cites unknown source `{key}`"
        );
    }
    for s in &catalog.sources {
        assert!(
            !s.authors.trim().is_empty() && !s.title.trim().is_empty(),
            "source {} lacks authors or title",
            s.key
        );
        assert!(
            !s.published.trim().is_empty(),
            "source {} lacks where published",
            s.key
        );
        assert!(
            (1990..=2026).contains(&s.year),
            "source {} year {}",
            s.key,
            s.year
        );
        assert!(
            s.url.starts_with("http") || s.key == "APP",
            "source {} has no web address",
            s.key
        );
    }
}

/// Exercise ids scheduled (or listed) in phase `n` (0-based) that the condition avoids until later.
fn avoided_in_phase(c: &Condition, n: usize) -> HashSet<&str> {
    c.avoid_early
        .iter()
        .filter(|a| (n as u32) + 1 < a.until_phase)
        .flat_map(|a| a.exercises.iter().map(String::as_str))
        .collect()
}

#[test]
fn no_phase_lists_its_own_avoid_early_exercises() {
    let catalog = catalog();
    for c in &catalog.conditions {
        for (n, p) in c.phases.iter().enumerate() {
            let avoided = avoided_in_phase(c, n);
            let listed = p
                .exercises
                .iter()
                .map(|x| x.exercise.as_str())
                .chain(p.cross_training.iter().map(String::as_str))
                .chain(p.run.exercise.as_deref());
            for id in listed {
                assert!(
                    !avoided.contains(id),
                    "`{}` phase {} schedules `{id}`, which it avoids early",
                    c.id,
                    n + 1
                );
            }
        }
    }
}

#[test]
fn the_required_doses_are_exact() {
    let catalog = catalog();

    let decline = exercise(&catalog, "decline-squat");
    assert_eq!(decline.kind, Kind::Eccentric);
    assert!(decline.name.contains("25-degree"), "{}", decline.name);
    assert_eq!((decline.dose.sets, decline.dose.work), (3, Work::Reps(15)));
    assert_eq!(decline.dose.frequency, Frequency::Daily(2));
    assert_eq!(decline.equipment, vec![Equipment::Step]);
    assert_eq!(decline.source, "PURDAM04");
    assert_eq!(
        (decline.evidence, decline.dose_origin),
        (Grade::B, DoseOrigin::Trial)
    );

    let clamshell = exercise(&catalog, "clamshell");
    assert_eq!(
        (clamshell.dose.sets, clamshell.dose.work),
        (3, Work::Reps(10))
    );
    assert!(clamshell.dose.per_side);

    let quads = exercise(&catalog, "foam-roll-quads");
    assert_eq!(quads.equipment, vec![Equipment::FoamRoller]);
    assert_eq!((quads.dose.sets, quads.dose.work), (1, Work::Seconds(30)));
    let load = quads.dose.load.as_deref().unwrap_or_default();
    assert!(
        load.contains("1-3") && load.contains("30-60 s per region"),
        "{load}"
    );
    assert!(!quads.optional);

    let lateral = exercise(&catalog, "foam-roll-lateral-thigh");
    assert!(
        lateral.optional,
        "rolling the lateral thigh is comfort only"
    );
    let load = lateral.dose.load.as_deref().unwrap_or_default();
    assert!(
        load.contains("light") && load.contains("bony bump"),
        "{load}"
    );
    assert!(lateral.cautions.iter().any(|c| c.contains("never counts")));

    let hsr = exercise(&catalog, "heavy-slow-resistance");
    assert_eq!(hsr.equipment, vec![Equipment::Gym]);
    assert_eq!(hsr.dose.sets, 4);
    assert_eq!(hsr.dose.tempo.as_deref(), Some("3-0-3"));
    assert_eq!(hsr.dose.frequency, Frequency::PerWeek(3));
    let rm = |e: &Exercise| -> Vec<(u32, u32)> {
        e.schedule.iter().map(|b| (b.from_week, b.reps)).collect()
    };
    let kongsgaard = vec![(1, 15), (2, 12), (4, 10), (6, 8), (9, 6)];
    assert_eq!(rm(hsr), kongsgaard);
    for home in ["split-squat-hsr", "goblet-squat-hsr"] {
        assert!(
            hsr.alternatives.iter().any(|a| a == home),
            "HSR lacks `{home}`"
        );
        let e = exercise(&catalog, home);
        assert!(e.equipment.is_empty(), "`{home}` must work at home");
        assert_eq!(e.dose.tempo.as_deref(), Some("3-0-3"));
        assert_eq!(
            e.dose_origin,
            DoseOrigin::AppDefault,
            "`{home}` is our extrapolation"
        );
        assert_eq!(rm(e), kongsgaard);
    }

    // Fredericson hip work: 1 x 15 daily, +5 reps a set up to 30.
    for id in ["side-lying-hip-abduction", "hip-hike"] {
        let step = exercise(&catalog, id).weekly.clone().expect("weekly step");
        assert_eq!((step.add, step.cap), (5, 30), "{id}");
    }
    let hike = exercise(&catalog, "hip-hike");
    assert_eq!(
        (hike.dose.sets, hike.dose.work, hike.dose.frequency),
        (1, Work::Reps(15), Frequency::Daily(1))
    );
    let itbs_recovery = &condition(&catalog, "itbs").phases[1];
    let abduction = itbs_recovery
        .exercises
        .iter()
        .find(|x| x.exercise == "side-lying-hip-abduction")
        .and_then(|x| x.dose.clone())
        .expect("ITBS sets its own abduction dose");
    assert_eq!(
        (abduction.sets, abduction.work, abduction.frequency),
        (1, Work::Reps(15), Frequency::Daily(1))
    );

    // Isometric holds build by 5 s to 45 s; the tendon hold is 5 x 45 s with 2 minutes' rest.
    let wall = exercise(&catalog, "wall-sit");
    assert_eq!(
        (wall.dose.sets, wall.dose.work, wall.dose.rest_s),
        (5, Work::Hold(30), 120)
    );
    assert_eq!(wall.weekly.as_ref().map(|w| (w.add, w.cap)), Some((5, 45)));
    let spanish = exercise(&catalog, "spanish-squat");
    assert_eq!(
        (spanish.dose.sets, spanish.dose.work, spanish.dose.rest_s),
        (5, Work::Hold(45), 120)
    );

    // Body-weight reps build by 2 to 3 x 15.
    let slr = exercise(&catalog, "straight-leg-raise");
    assert_eq!(slr.weekly.as_ref().map(|w| (w.add, w.cap)), Some((2, 15)));
}

#[test]
fn links_exist_climb_and_never_cycle() {
    let catalog = catalog();
    for e in &catalog.exercises {
        for target in e
            .progression
            .iter()
            .chain(&e.regression)
            .chain(&e.alternatives)
        {
            assert!(
                catalog.exercise(target).is_some(),
                "`{}` links to missing `{target}`",
                e.id
            );
        }
        // A harder exercise steps back down to where it came from, so chains climb one way.
        if let Some(harder) = &e.progression {
            assert_eq!(
                exercise(&catalog, harder).regression.as_deref(),
                Some(e.id.as_str()),
                "`{}` progresses to `{harder}`, whose regression does not lead back",
                e.id
            );
        }
        for next in [
            |x: &Exercise| x.progression.clone(),
            |x: &Exercise| x.regression.clone(),
        ] {
            let mut seen = vec![e.id.clone()];
            let mut current = next(e);
            while let Some(id) = current {
                assert!(!seen.contains(&id), "cycle: {} -> {id}", seen.join(" -> "));
                seen.push(id.clone());
                current = next(exercise(&catalog, &id));
            }
        }
        assert!(
            !e.alternatives.contains(&e.id),
            "`{}` lists itself as an alternative",
            e.id
        );
    }
}

#[test]
fn walk_run_levels_match_the_basis() {
    let catalog = catalog();
    let levels: Vec<(u32, u32, u32, u32, u32)> = catalog
        .walk_run
        .iter()
        .map(|l| (l.level, l.repeats, l.walk_min, l.run_min, l.total_min))
        .collect();
    assert_eq!(
        levels,
        vec![
            (1, 5, 4, 1, 25),
            (2, 5, 3, 2, 25),
            (3, 5, 2, 3, 25),
            (4, 5, 1, 4, 25),
            (5, 4, 1, 6, 28),
            (6, 3, 1, 9, 30),
            (7, 2, 1, 14, 30),
            (8, 1, 0, 20, 20),
        ]
    );
    for l in &catalog.walk_run[..7] {
        assert_eq!(
            l.repeats * (l.walk_min + l.run_min),
            l.total_min,
            "level {}",
            l.level
        );
    }
    assert!(
        catalog.walk_run[7].text.contains("30 min"),
        "level 8 builds to 30 min"
    );
    let rtr = catalog.return_to_run.as_ref().expect("return to run");
    assert_eq!(rtr.criteria.len(), 5);
    assert!(rtr.criteria[3].contains("10 single-leg hops"));
}

#[test]
fn red_flags_and_pain_rules_follow_the_basis() {
    let catalog = catalog();
    let count = |level: FlagLevel| {
        catalog
            .red_flags
            .iter()
            .filter(|f| f.level == level)
            .count()
    };
    assert_eq!(catalog.red_flags.len(), 15);
    assert_eq!(
        (
            count(FlagLevel::Stop),
            count(FlagLevel::Block),
            count(FlagLevel::Advise)
        ),
        (5, 8, 2)
    );
    let level = |id: &str| catalog.red_flag(id).map(|f| f.level);
    assert_eq!(level("hot-swollen-knee"), Some(FlagLevel::Stop));
    assert_eq!(level("calf-clot-signs"), Some(FlagLevel::Stop));
    assert_eq!(level("locked-knee"), Some(FlagLevel::Block));
    assert_eq!(level("under-16"), Some(FlagLevel::Block));
    assert_eq!(
        level("recent-surgery-or-injection"),
        Some(FlagLevel::Advise)
    );
    for f in &catalog.red_flags {
        assert!(f.question.ends_with('?'), "{} is not a question", f.id);
        assert!(f.message.len() > 40, "{} has too short a message", f.id);
    }

    let rules = catalog.pain_rules.as_ref().expect("pain rules");
    assert_eq!(
        (
            rules.amber_above,
            rules.morning_red_rise,
            rules.baseline_days,
            rules.progress_min_adherence_pct,
            rules.regress_red_sessions,
        ),
        (2, 2, 7, 80, 2)
    );
    assert_eq!(
        (
            rules.running_weekly_rise_pct,
            rules.running_fortnight_warn_pct,
            rules.level_passes,
            rules.max_levels_per_week,
        ),
        (10, 30, 2, 2)
    );
    assert!(
        rules
            .text
            .iter()
            .any(|t| t.contains("settles by the next morning"))
    );
}

/// A 12-week program for every condition: no phase is left without scheduled work, runs appear
/// in the run phases, and nothing avoided early slips in through a stand-in.
#[test]
fn the_builder_can_use_every_phase() {
    let catalog = catalog();
    let start = jiff::civil::date(2026, 1, 5);
    for equipment in [Equipment::ALL.to_vec(), Vec::new()] {
        let mut settings = Settings::new(start);
        settings.equipment = equipment.clone();
        for c in &catalog.conditions {
            let program = build_program(&catalog, c, &settings, &Overrides::default(), 12)
                .expect("program builds");
            let mut phases_seen = BTreeSet::new();
            for week in &program.weeks {
                phases_seen.insert(week.state.phase);
                let items: Vec<_> = week.days.iter().flat_map(|d| &d.items).collect();
                assert!(
                    items.iter().any(|i| !i.optional),
                    "`{}` week {} (equipment {equipment:?}) has no scheduled work",
                    c.id,
                    week.state.week
                );
                let phase = &c.phases[week.state.phase];
                let runs = items
                    .iter()
                    .filter(|i| exercise(&catalog, &i.exercise).kind == Kind::Run)
                    .count();
                match phase.run.mode {
                    RunMode::WalkRun | RunMode::Continuous => {
                        assert!(runs > 0, "`{}` week {} has no runs", c.id, week.state.week)
                    }
                    RunMode::None | RunMode::PainLimited => assert_eq!(runs, 0),
                }
                // A stand-in (missing equipment) must not repeat something already on the day.
                for day in &week.days {
                    let mut ids: Vec<&str> =
                        day.items.iter().map(|i| i.exercise.as_str()).collect();
                    let before = ids.len();
                    ids.sort_unstable();
                    ids.dedup();
                    assert_eq!(
                        ids.len(),
                        before,
                        "`{}` {} repeats an exercise (equipment {equipment:?})",
                        c.id,
                        day.date
                    );
                }
                let avoided = avoided_in_phase(c, week.state.phase);
                for i in &items {
                    assert!(
                        !avoided.contains(i.exercise.as_str()),
                        "`{}` week {} schedules avoided `{}`",
                        c.id,
                        week.state.week,
                        i.exercise
                    );
                }
            }
            let first_phases: BTreeSet<usize> = (0..c.phases.len()).collect();
            assert!(
                phases_seen.len() >= 2 && phases_seen.is_subset(&first_phases),
                "`{}` reached phases {phases_seen:?} in 12 weeks",
                c.id
            );
        }
    }
}

/// With an hour a session, every phase has room for its cross-training in at least one week.
#[test]
fn cross_training_fits_every_phase_given_an_hour() {
    let catalog = catalog();
    let mut settings = Settings::new(jiff::civil::date(2026, 1, 5));
    settings.equipment = Equipment::ALL.to_vec();
    settings.minutes = 60;
    for c in &catalog.conditions {
        let total: u32 = c.phases.iter().map(|p| p.weeks).sum();
        let program = build_program(&catalog, c, &settings, &Overrides::default(), total)
            .expect("program builds");
        for (n, phase) in c.phases.iter().enumerate() {
            let crossed = program
                .weeks
                .iter()
                .filter(|w| w.state.phase == n)
                .flat_map(|w| w.days.iter().flat_map(|d| &d.items))
                .any(|i| phase.cross_training.contains(&i.exercise));
            assert!(
                crossed,
                "`{}` phase {} never fits its cross-training",
                c.id,
                n + 1
            );
        }
    }
}

fn rehab(dir: &tempfile::TempDir) -> Command {
    let mut cmd = Command::cargo_bin("rehab").expect("the rehab binary");
    cmd.arg("--library")
        .arg(dir.path().join("library"))
        .arg("--data-dir")
        .arg(dir.path().join("data"))
        .env_remove("REHAB_PROFILE")
        .env("REHAB_TODAY", "2026-01-05");
    cmd
}

#[test]
fn rehab_check_passes_on_the_shipped_library() {
    let dir = tempfile::tempdir().expect("temp dir");
    let output = rehab(&dir).arg("check").output().expect("runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "rehab check failed: {stdout}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        stdout.contains("ok: the built-in library passed all checks"),
        "{stdout}"
    );
}

#[test]
fn rehab_show_prints_the_grade_and_the_source() {
    let dir = tempfile::tempdir().expect("temp dir");
    let output = rehab(&dir)
        .args(["show", "decline-squat"])
        .output()
        .expect("runs");
    assert!(output.status.success());
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.contains("3 x 15 reps"), "{stdout}");
    assert!(stdout.contains("2x a day"), "{stdout}");
    assert!(stdout.contains("Evidence: grade B"), "{stdout}");
    assert!(stdout.contains("Source [PURDAM04]: Purdam CR"), "{stdout}");
    assert!(stdout.contains("dose from a trial"), "{stdout}");
}

#[test]
fn rehab_sources_lists_every_source() {
    let dir = tempfile::tempdir().expect("temp dir");
    let output = rehab(&dir).arg("sources").output().expect("runs");
    assert!(output.status.success());
    let stdout = String::from_utf8_lossy(&output.stdout);
    for s in &catalog().sources {
        assert!(
            stdout.contains(&format!("[{}]", s.key)),
            "missing [{}]",
            s.key
        );
    }
}
