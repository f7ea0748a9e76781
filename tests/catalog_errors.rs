//! Crafted bad library files give the expected `file:line:column` messages, every problem at
//! once, and never hide the built-in library.

use rehab_planner::catalog::{Catalog, SourceText};

const SOURCE: &str = r#"sources: [(key: "CLINIC", authors: "Our clinic", year: 2026, title: "House protocol", published: "internal", url: "https://example.org")],"#;

/// An exercise entry with overridable parts.
fn exercise(id: &str, extra: &str) -> String {
    format!(
        r#"        (
            id: "{id}",
            name: "Clinic {id}",
            kind: Strength,
            targets: ["hips"],
            dose: (sets: 3, work: Reps(10), frequency: PerWeek(3)),
            steps: ["One.", "Two.", "Three."],
            source: "CLINIC",
            evidence: C,
            dose_origin: AppDefault,{extra}
        ),
"#
    )
}

fn file(exercises: &[String]) -> String {
    format!(
        "(\n    {SOURCE}\n    exercises: [\n{}    ],\n)\n",
        exercises.concat()
    )
}

/// Loads one user file over the built-in library; returns the problems as printed.
fn problems(name: &str, text: &str) -> Vec<String> {
    let loaded = Catalog::load(&[SourceText::new(name, text)]).expect("built-in library");
    loaded.problems.iter().map(ToString::to_string).collect()
}

#[test]
fn a_good_clinic_file_adds_and_overrides() {
    let text = file(&[exercise("clinic-bridge", "")]);
    let loaded = Catalog::load(&[SourceText::new("clinic.ron", text)]).expect("loads");
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    assert_eq!(
        loaded
            .catalog
            .exercise("clinic-bridge")
            .expect("added")
            .name,
        "Clinic clinic-bridge"
    );
    let builtin = Catalog::builtin().expect("built-in");
    assert_eq!(loaded.catalog.exercises.len(), builtin.exercises.len() + 1);
}

#[test]
fn syntax_error_points_at_the_line_and_column() {
    // Line 4 lacks the comma after the id.
    let text = "(\n    exercises: [\n        (\n            id: \"x\"\n            name: \"X\",\n";
    let found = problems("bad-syntax.ron", text);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].starts_with("bad-syntax.ron:5:13: "),
        "{}",
        found[0]
    );
    assert!(found[0].contains("hint:"), "{}", found[0]);
}

#[test]
fn unknown_field_is_named_with_its_place() {
    let text = file(&[exercise("clinic-a", "\n            colour: \"red\",")]);
    let found = problems("unknown.ron", &text);
    assert_eq!(found.len(), 1, "{found:?}");
    // The column points at the start of the field's name.
    assert!(found[0].starts_with("unknown.ron:14:13: "), "{}", found[0]);
    assert!(found[0].contains("colour"), "{}", found[0]);
}

#[test]
fn every_problem_is_reported_at_once_each_at_its_place() {
    let text = file(&[
        exercise("clinic-a", ""),
        exercise("clinic-b", ""),
        exercise("clinic-a", ""),
        exercise(
            "clinic-c",
            "\n            regression: Some(\"clinic-ghost\"),",
        ),
        exercise("clinic-d", "").replace("source: \"CLINIC\"", "source: \"NOPE\""),
        exercise("clinic-e", "").replace("sets: 3", "sets: 0"),
        exercise("clinic-f", "").replace("Reps(10)", "Hold(1200)"),
    ]);
    let found = problems("many.ron", &text);
    let expect = [
        ("duplicate exercise id `clinic-a`", "many.ron:27:17: "),
        (
            "`clinic-c` names missing exercise `clinic-ghost` as its regression",
            "many.ron:47:30: ",
        ),
        (
            "exercise `clinic-d` cites unknown source `NOPE`",
            "many.ron:56:21: ",
        ),
        (
            "exercise `clinic-e`: impossible dose: 0 sets (allowed 1-10)",
            "many.ron:65:13: ",
        ),
        (
            "exercise `clinic-f`: impossible dose: 1200 hold seconds (allowed 1-120)",
            "many.ron:76:13: ",
        ),
    ];
    for (message, place) in expect {
        let hit = found.iter().find(|p| p.contains(message));
        let hit = hit.unwrap_or_else(|| panic!("no problem `{message}` in:\n{}", found.join("\n")));
        assert!(
            hit.starts_with(place),
            "`{message}` should be at {place}, got: {hit}"
        );
        assert!(hit.contains("\n  hint: "), "no hint: {hit}");
    }
    assert_eq!(found.len(), expect.len(), "{}", found.join("\n"));
}

#[test]
fn progression_cycles_are_found() {
    let text = file(&[
        exercise("clinic-a", "\n            progression: Some(\"clinic-b\"),"),
        exercise("clinic-b", "\n            progression: Some(\"clinic-c\"),"),
        exercise("clinic-c", "\n            progression: Some(\"clinic-a\"),"),
    ]);
    let found = problems("cycle.ron", &text);
    assert_eq!(found.len(), 1, "one cycle, reported once: {found:?}");
    assert!(
        found[0].starts_with(
            "cycle.ron:14:13: progression cycle: clinic-a -> clinic-b -> clinic-c -> clinic-a"
        ),
        "{}",
        found[0]
    );
}

#[test]
fn a_bad_file_is_left_out_whole_and_the_rest_still_loads() {
    let good = SourceText::new("a-good.ron", file(&[exercise("clinic-good", "")]));
    let bad = SourceText::new(
        "b-bad.ron",
        file(&[exercise(
            "clinic-bad",
            "\n            regression: Some(\"nowhere\"),",
        )]),
    );
    let broken = SourceText::new("c-broken.ron", "(exercises: [".to_string());
    let loaded = Catalog::load(&[good, bad, broken]).expect("built-in library");
    assert!(loaded.catalog.exercise("clinic-good").is_some());
    assert!(
        loaded.catalog.exercise("clinic-bad").is_none(),
        "a file with problems is left out whole"
    );
    let builtin = Catalog::builtin().expect("built-in");
    assert_eq!(loaded.catalog.exercises.len(), builtin.exercises.len() + 1);
    assert_eq!(loaded.catalog.conditions.len(), builtin.conditions.len());
    let files: Vec<&str> = loaded.problems.iter().map(|p| p.file.as_str()).collect();
    assert_eq!(files, ["b-bad.ron", "c-broken.ron"]);
}

#[test]
fn a_user_file_cannot_break_a_built_in_condition() {
    // Turning a built-in cross-training exercise into a strength exercise would break phases.
    let builtin = Catalog::builtin().expect("built-in");
    let cross = builtin.conditions[0].phases[0].cross_training[0].clone();
    let text = file(&[exercise(&cross, "")]);
    let loaded = Catalog::load(&[SourceText::new("override.ron", text)]).expect("built-in library");
    assert!(
        !loaded.problems.is_empty(),
        "the override should be refused"
    );
    assert_eq!(
        loaded.catalog.exercise(&cross).map(|e| e.kind),
        builtin.exercise(&cross).map(|e| e.kind),
        "the built-in entry stays"
    );
}

/// A phase's knee-bend limit holds for its stand-ins: a clinic file that offers a deeper
/// alternative for the 0-60 degree leg press is reported, with the phase and the rule named.
#[test]
fn a_stand_in_past_a_phases_knee_bend_limit_is_reported() {
    let deep = exercise("clinic-deep-squat", "\n            knee_bend: Some(90),");
    let press = r#"        (
            id: "leg-press",
            name: "Leg press",
            kind: Strength,
            targets: ["thigh"],
            equipment: [Gym],
            dose: (sets: 3, work: Reps(10), frequency: PerWeek(3)),
            steps: ["One.", "Two.", "Three."],
            alternatives: ["clinic-deep-squat"],
            knee_bend: Some(60),
            source: "CLINIC",
            evidence: C,
            dose_origin: AppDefault,
        ),
"#;
    let text = file(&[deep, press.to_string()]);
    let found = match Catalog::load(&[SourceText::new("clinic.ron", &text)]) {
        Ok(loaded) => loaded
            .problems
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>(),
        Err(problems) => problems.iter().map(ToString::to_string).collect(),
    };
    assert!(
        found.iter().any(|p| p.contains("clinic-deep-squat")
            && p.contains("bends the knee to 90 degrees, past the phase's 60")),
        "{found:?}"
    );
}
