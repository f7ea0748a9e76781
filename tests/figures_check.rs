//! Figures are checked like the rest of the library: a crafted bad figure in a clinic's file is
//! reported at its `file:line:column` with a hint, and every built-in exercise has a figure that
//! passes.

#![allow(clippy::unwrap_used)]

use rehab_planner::catalog::{Catalog, SourceText};

const FILE: &str = "clinic/figures.ron";

/// The problems of one user file, each as `file:line:column: message`.
fn problems(text: &str) -> Vec<String> {
    let loaded = Catalog::load(&[SourceText::new(FILE, text)]).unwrap();
    loaded
        .problems
        .iter()
        .map(|p| {
            assert!(p.hint.is_some(), "{p}");
            format!("{}:{}:{}: {}", p.file, p.line, p.column, p.message)
        })
        .collect()
}

#[test]
fn every_built_in_exercise_has_a_figure_that_passes() {
    let catalog = Catalog::builtin().unwrap();
    let problems = rehab_planner::catalog::figures::builtin_problems(&catalog, &[]);
    assert!(
        problems.is_empty(),
        "{}",
        problems
            .iter()
            .map(|p| p.to_string())
            .collect::<Vec<_>>()
            .join("\n")
    );
    for e in &catalog.exercises {
        assert!(catalog.figure(&e.id).is_some(), "`{}` has no figure", e.id);
    }
}

#[test]
fn a_joint_past_human_limits_is_reported_at_the_angle() {
    let text = r#"(
    figures: [
        (
            exercise: "clamshell",
            view: Front,
            positions: [
                (name: "start", on: Trunk, lean: -90, hip: 45, knee: 170),
                (name: "end", on: Trunk, lean: -90, hip: 45, knee: 90, other: Some((hip: -60))),
            ],
        ),
    ],
)"#;
    assert_eq!(
        problems(text),
        [
            "clinic/figures.ron:7:64: figure for `clamshell`, position `start`: working knee bend \
             170 degrees is past what a body can do (-5 to 155)",
            "clinic/figures.ron:8:85: figure for `clamshell`, position `end`: other hip bend -60 \
             degrees is past what a body can do (-30 to 140)",
        ]
    );
}

#[test]
fn a_body_through_the_floor_or_in_the_air_is_reported() {
    let text = r#"(
    figures: [
        (
            exercise: "mini-squat",
            view: Side,
            legs: Both,
            positions: [
                (name: "sitting", on: Pelvis),
                (name: "hands down", on: Feet, hip: 5, touch: [Hands]),
            ],
        ),
    ],
)"#;
    let found = problems(text);
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(
        found[0].starts_with(
            "clinic/figures.ron:8:35: figure for `mini-squat`, position `sitting`: sinking:"
        ),
        "{found:?}"
    );
    assert_eq!(
        found[1],
        "clinic/figures.ron:9:56: figure for `mini-squat`, position `hands down`: floating: 83 cm \
         between the hands and anything it could touch"
    );
}

#[test]
fn a_surface_the_figure_lacks_is_reported_at_at() {
    let text = r#"(
    figures: [
        (
            exercise: "step-down",
            view: Side,
            positions: [(name: "start", on: WorkingFoot, at: Step)],
        ),
    ],
)"#;
    assert_eq!(
        problems(text),
        [
            "clinic/figures.ron:6:58: figure for `step-down`, position `start` rests on a step, \
          which the figure does not have"
        ]
    );
}

#[test]
fn a_movement_the_view_cannot_show_is_reported() {
    let text = r#"(
    figures: [
        (
            exercise: "side-lying-hip-abduction",
            view: Side,
            positions: [
                (name: "start", on: Trunk, lean: -90),
                (name: "lifted", on: Trunk, lean: -90, spread: 35),
            ],
        ),
    ],
)"#;
    assert_eq!(
        problems(text),
        [
            "clinic/figures.ron:8:18: figure for `side-lying-hip-abduction`: its positions look the \
          same from the side: a side view shows a leg or arm out to the side (spread, open) \
          edge-on"
        ]
    );
}

#[test]
fn unknown_exercises_duplicates_and_typos_are_reported() {
    let text = r#"(
    figures: [
        (exercise: "clamshel", view: Side, positions: [(name: "a", on: Feet)]),
        (exercise: "wall-sit", view: Side, positions: [(name: "a", on: Feet)]),
        (exercise: "wall-sit", view: Side, positions: [(name: "a", on: Feet)]),
    ],
)"#;
    assert_eq!(
        problems(text),
        [
            "clinic/figures.ron:3:20: figure for unknown exercise `clamshel`",
            "clinic/figures.ron:5:20: duplicate figure for `wall-sit`",
        ]
    );
    let typo = r#"(
    figures: [
        (exercise: "wall-sit", view: Side, positions: [(name: "a", on: Feet, knees: 40)]),
    ],
)"#;
    let found = problems(typo);
    assert_eq!(found.len(), 1);
    assert!(
        found[0].starts_with("clinic/figures.ron:3:78: "),
        "{found:?}"
    );
}

#[test]
fn a_clinic_figure_replaces_the_built_in_one() {
    let text = r#"(
    figures: [
        (exercise: "wall-sit", view: Side, legs: Both, positions: [(name: "my hold", on: Feet)]),
    ],
)"#;
    let loaded = Catalog::load(&[SourceText::new(FILE, text)]).unwrap();
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    let f = loaded.catalog.figure("wall-sit").unwrap();
    assert_eq!(f.positions[0].name, "my hold");
}

#[test]
fn a_hip_turned_past_its_range_is_reported_at_the_turn() {
    let text = r#"(
    figures: [
        (
            exercise: "glute-stretch",
            view: Side,
            positions: [
                (name: "hold", on: Trunk, lean: -90, hip: 90, knee: 90, turn: 75, other: Some((hip: 45, knee: 90, turn: -50))),
            ],
        ),
    ],
)"#;
    assert_eq!(
        problems(text),
        [
            "clinic/figures.ron:7:73: figure for `glute-stretch`, position `hold`: working hip \
             rotation 75 degrees is past what a body can do (-40 to 60)",
            "clinic/figures.ron:7:115: figure for `glute-stretch`, position `hold`: other hip \
             rotation -50 degrees is past what a body can do (-40 to 60)",
        ]
    );
}

#[test]
fn the_pedals_of_an_elliptical_are_a_surface_the_figure_must_have() {
    let text = r#"(
    figures: [
        (
            exercise: "elliptical",
            view: Side,
            legs: Both,
            positions: [
                (name: "striding", on: Feet, at: Elliptical, hip: 25, knee: 30),
            ],
        ),
    ],
)"#;
    assert_eq!(
        problems(text),
        [
            "clinic/figures.ron:8:46: figure for `elliptical`, position `striding` rests on an \
             elliptical trainer, which the figure does not have"
        ]
    );
}

#[test]
fn a_rowing_seat_is_a_surface_the_figure_must_have_and_the_legs_clear_its_rail() {
    let seat = r#"(
    figures: [
        (
            exercise: "rowing",
            view: Side,
            legs: Both,
            positions: [
                (name: "catch", on: Pelvis, at: Rower, lean: 25, hip: 138, knee: 118),
            ],
        ),
    ],
)"#;
    assert_eq!(
        problems(seat),
        [
            "clinic/figures.ron:8:45: figure for `rowing`, position `catch` rests on a rowing \
             machine, which the figure does not have"
        ]
    );
    // Legs hanging down through the rail while the seat slides forward sink into it.
    let through = r#"(
    figures: [
        (
            exercise: "rowing",
            view: Side,
            legs: Both,
            props: [Rower],
            fixed: Some(Feet),
            positions: [
                (name: "finish", on: Pelvis, at: Rower, hip: 60, knee: 100),
                (name: "catch", on: Pelvis, at: Rower, hip: 40, knee: 120),
            ],
        ),
    ],
)"#;
    let found = problems(through);
    assert!(
        found
            .iter()
            .any(|p| p.starts_with("clinic/figures.ron:10:") && p.contains("into a rowing machine")),
        "{found:?}"
    );
}
