//! The plan builder can use every phase, and the CLI shows the library.

use super::*;

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
                    RunMode::WalkRun | RunMode::Continuous | RunMode::PainLimited => {
                        assert!(runs > 0, "`{}` week {} has no runs", c.id, week.state.week)
                    }
                    RunMode::None => assert_eq!(runs, 0),
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
                .any(|i| phase.cross_training.iter().any(|c| *c == i.exercise));
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

/// Heavy slow resistance runs the KONGS09 blocks over the 12 weeks of the phase that holds it and
/// then keeps its last block twice a week; decline squats (PURDAM04, 12 weeks) run longer only in
/// a phase that says why.
#[test]
fn the_tendon_protocols_keep_their_weeks() {
    let catalog = catalog();
    let tendon = condition(&catalog, "patellar-tendinopathy");
    let start = jiff::civil::date(2026, 1, 5);
    let weeks: u32 = tendon.phases.iter().map(|p| p.weeks).sum();

    let mut gym = Settings::new(start);
    gym.equipment = vec![Equipment::Gym];
    let program = build_program(&catalog, tendon, &gym, &Overrides::default(), weeks)
        .expect("program builds");
    let mut blocks = Vec::new();
    for week in &program.weeks {
        let doses: Vec<_> = week
            .days
            .iter()
            .flat_map(|d| &d.items)
            .filter(|i| i.exercise == "heavy-slow-resistance")
            .map(|i| (i.dose.work, i.dose.frequency, i.dose.weight))
            .collect();
        let Some(first) = doses.first() else {
            continue;
        };
        assert_eq!(first.2, Some(Weight::RepMax), "week {}", week.state.week);
        blocks.push((week.state.phase, first.0, first.1));
    }
    let strength: Vec<u32> = blocks
        .iter()
        .filter(|b| b.0 == 1)
        .map(|b| b.1.amount())
        .collect();
    assert_eq!(strength, [15, 12, 12, 10, 10, 8, 8, 8, 6, 6, 6, 6]);
    let kept: Vec<_> = blocks.iter().filter(|b| b.0 == 2).collect();
    assert!(!kept.is_empty(), "heavy work goes on in the spring phase");
    for b in kept {
        assert_eq!((b.1, b.2), (Work::Reps(6), Frequency::PerWeek(2)));
    }

    let mut step = Settings::new(start);
    step.equipment = vec![Equipment::Step];
    let program = build_program(&catalog, tendon, &step, &Overrides::default(), weeks)
        .expect("program builds");
    let mut decline_weeks = 0;
    for week in &program.weeks {
        let has = week
            .days
            .iter()
            .flat_map(|d| &d.items)
            .any(|i| i.exercise == "decline-squat");
        if !has {
            continue;
        }
        decline_weeks += 1;
        if decline_weeks > 12 {
            let phase = &tendon.phases[week.state.phase];
            assert!(
                std::iter::once(&phase.goal)
                    .chain(&phase.cautions)
                    .any(|t| t.contains("decline squats") && t.contains("12 weeks")),
                "week {}: decline squats past their 12 weeks with no reason given",
                week.state.week
            );
        }
    }
    assert!(
        decline_weeks >= 12,
        "decline squats ran {decline_weeks} weeks"
    );
}
