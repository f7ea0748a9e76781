//! Sources, avoid-early lists, the exact doses and the progression links.

use super::*;

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
            (e.evidence, e.dose_origin.clone()),
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
        match s.year {
            rehab_planner::catalog::Year::Dated(y) => {
                assert!((1990..=2026).contains(&y), "source {} year {y}", s.key)
            }
            rehab_planner::catalog::Year::Undated => assert!(
                s.read_on.is_some(),
                "source {} is undated and does not say when it was read",
                s.key
            ),
        }
        assert!(
            s.url.starts_with("http") || s.url.starts_with("none"),
            "source {} has no web address and does not say why",
            s.key
        );
    }
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
                .chain(p.cross_training.iter().map(|t| t.as_str()))
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
    assert!(
        decline
            .steps
            .iter()
            .any(|s| s.contains("25-degree decline board")),
        "the decline squat names its 25-degree board"
    );
    assert_eq!((decline.dose.sets, decline.dose.work), (3, Work::Reps(15)));
    assert_eq!(decline.dose.frequency, Frequency::Daily(2));
    assert_eq!(decline.equipment, vec![Equipment::Step]);
    assert_eq!(decline.source, "PURDAM04");
    assert_eq!(
        (decline.evidence, decline.dose_origin.clone()),
        (Grade::B, DoseOrigin::Trial)
    );
    // Without a board: a stated stand-in that needs nothing, labelled as ours.
    let no_board = decline
        .alternatives
        .iter()
        .map(|a| exercise(&catalog, a))
        .find(|a| a.equipment.is_empty())
        .expect("the decline squat has a stand-in without a board");
    assert_eq!(
        (no_board.evidence, no_board.dose_origin.clone()),
        (Grade::C, DoseOrigin::AppDefault)
    );
    assert_eq!(
        (
            no_board.dose.sets,
            no_board.dose.work,
            no_board.dose.frequency
        ),
        (3, Work::Reps(15), Frequency::Daily(2))
    );
    assert!(
        no_board
            .dose
            .how
            .as_deref()
            .is_some_and(|h| h.contains("decline board")),
        "the stand-in says what it replaces"
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
    let how = quads.dose.how.as_deref().unwrap_or_default();
    assert!(how.contains("each region"), "{how}");
    assert!(
        !how.contains(|c: char| c.is_ascii_digit()),
        "the dose's numbers live in its fields, not its words: {how}"
    );
    assert!(!quads.optional);

    let lateral = exercise(&catalog, "foam-roll-lateral-thigh");
    assert!(
        lateral.optional,
        "rolling the lateral thigh is comfort only"
    );
    let how = lateral.dose.how.as_deref().unwrap_or_default();
    assert!(how.contains("light") && how.contains("bony bump"), "{how}");
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

/// A name never repeats a number the dose holds (a bend, a step, a hold): the fields show it.
#[test]
fn names_hold_no_dose_numbers() {
    let catalog = catalog();
    for e in &catalog.exercises {
        assert!(
            !e.name.contains(|c: char| c.is_ascii_digit()),
            "`{}` is named with a number: {}",
            e.id,
            e.name
        );
    }
}
