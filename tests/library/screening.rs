//! Walk-run levels, red flags and pain rules as the clinical basis gives them.

use super::*;

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
    // Clinical basis §1.5: rows 1-17, with row 3 split into 3a and 3b.
    assert_eq!(catalog.red_flags.len(), 18);
    assert_eq!(
        (
            count(FlagLevel::Stop),
            count(FlagLevel::Block),
            count(FlagLevel::Advise)
        ),
        (7, 10, 1)
    );
    let level = |id: &str| catalog.red_flag(id).map(|f| f.level);
    assert_eq!(level("hot-swollen-knee"), Some(FlagLevel::Stop));
    assert_eq!(level("calf-clot-signs"), Some(FlagLevel::Stop));
    assert_eq!(level("locked-knee"), Some(FlagLevel::Block));
    assert_eq!(level("under-16"), Some(FlagLevel::Block));
    // Row 15 holds the plan until the surgeon's or clinician's go-ahead is recorded.
    assert_eq!(level("recent-surgery-or-injection"), Some(FlagLevel::Block));
    // Rows 3a, 3b, 16 and 17.
    assert_eq!(level("breathless-or-chest-pain"), Some(FlagLevel::Stop));
    assert_eq!(level("bone-stress-signs"), Some(FlagLevel::Block));
    assert_eq!(
        level("cannot-bear-weight-or-hip-pain"),
        Some(FlagLevel::Stop)
    );
    assert!(
        catalog
            .red_flag("breathless-or-chest-pain")
            .is_some_and(|f| f.message.contains("emergency services"))
    );
    let calf = catalog.red_flag("calf-clot-signs").expect("row 3a");
    assert!(
        calf.message.starts_with("Get medical care today"),
        "{}",
        calf.message
    );
    assert!(
        catalog
            .red_flag("hot-swollen-knee")
            .is_some_and(|f| f.message.contains("weakened immune system"))
    );
    for f in &catalog.red_flags {
        // A plain statement the person says yes or no to: no question to negate.
        assert!(f.question.ends_with('.'), "{} is not a statement", f.id);
        let first = f.question.split_whitespace().next().unwrap_or("");
        assert!(
            ![
                "Is", "Are", "Do", "Does", "Did", "Could", "Can", "Have", "Has"
            ]
            .contains(&first),
            "{} asks a question: {}",
            f.id,
            f.question
        );
        assert!(!f.question.contains("could you not"), "{}", f.id);
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
    // The rules name the numbers their fields hold (a plan prints the ceilings just before them).
    for name in [
        "{amber}",
        "{morning rise}",
        "{baseline days}",
        "{adherence}",
        "{progress median}",
        "{weekly rise}",
    ] {
        assert!(
            rules.text.iter().any(|t| t.contains(name)),
            "the pain rules never name {name}"
        );
    }
    assert!(
        !rules.text.iter().any(|t| t.contains("/10")),
        "the pain rules state a score a field holds"
    );
}
