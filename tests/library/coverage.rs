//! The library holds every entry of the clinical basis, readable and varied enough to plan with.

use super::*;

#[test]
fn the_builtin_library_validates() {
    let catalog = catalog();
    let ids: Vec<&str> = catalog.conditions.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, CONDITIONS, "the five fixed condition ids, in order");
    // Every check `rehab check` makes, including the whole-library ones (every exercise drawn,
    // every condition's education complete).
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_rehab"))
        .arg("check")
        .env(
            "REHAB_LIBRARY",
            std::env::temp_dir().join("rehab-no-user-library"),
        )
        .output()
        .expect("runs");
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success() && said.contains("passed all checks"),
        "{said}{}",
        String::from_utf8_lossy(&out.stderr)
    );
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
        ("skipping", Kind::Plyometric),                // late tendon rehab
        ("pogo-hops", Kind::Plyometric),               //
        ("single-leg-hops", Kind::Plyometric),         //
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
