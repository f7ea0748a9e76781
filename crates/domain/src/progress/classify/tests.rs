//! Classification and baseline cases.

use super::*;
use jiff::civil::date;

fn rules() -> PainRules {
    PainRules {
        amber_above: 2,
        morning_red_rise: 2,
        baseline_days: 7,
        progress_min_adherence_pct: 80,
        regress_red_sessions: 2,
        running_weekly_rise_pct: 10,
        running_fortnight_warn_pct: 30,
        level_passes: 2,
        max_levels_per_week: 2,
        improvement_points: 2,
        text: Vec::new(),
        source: Default::default(),
    }
}

fn day(morning: Option<u8>) -> DayLog {
    let mut d = DayLog::new(date(2026, 1, 5));
    d.pain_next_morning = morning;
    d
}

#[test]
fn baseline_is_the_median_of_the_previous_seven_mornings() {
    let scores = [3, 1, 1, 2, 9, 1, 1, 1, 4];
    let days: Vec<DayLog> = scores.iter().map(|&s| day(Some(s))).collect();
    let refs: Vec<&DayLog> = days.iter().collect();
    let got: Vec<(u8, bool)> = mornings(&refs, &rules())
        .into_iter()
        .map(|m| m.map(|m| (m.baseline, m.previous_above)).expect("scored"))
        .collect();
    // First morning: its own score. Then the lower median of up to 7 before it.
    let want = [
        (3, false),
        (3, false),
        (1, false),
        (1, false),
        (1, true),
        (2, true),
        (1, false),
        (1, false),
        (1, false),
    ];
    assert_eq!(got, want);
}

#[test]
fn sessions_are_classified_by_the_rules_table() {
    let limits = Limits {
        exercise: 3,
        running: 2,
    };
    let kinds = Kinds {
        runs: vec!["run"],
        main: vec!["squat"],
    };
    let morning = |pain, baseline, previous_above| {
        Some(Morning {
            pain,
            baseline,
            previous_above,
        })
    };
    // (case, pain during, run pain, morning, limp, colour)
    type Case = (
        &'static str,
        Option<u8>,
        Option<u8>,
        Option<Morning>,
        bool,
        Colour,
    );
    let cases: Vec<Case> = vec![
        (
            "quiet",
            Some(1),
            None,
            morning(1, 1, false),
            false,
            Colour::Green,
        ),
        (
            "pain at the safe limit",
            Some(2),
            None,
            None,
            false,
            Colour::Green,
        ),
        ("pain above safe", Some(3), None, None, false, Colour::Amber),
        (
            "pain over the ceiling",
            Some(4),
            None,
            None,
            false,
            Colour::Red,
        ),
        (
            "run at its ceiling",
            None,
            Some(2),
            None,
            false,
            Colour::Green,
        ),
        (
            "run over its ceiling",
            None,
            Some(3),
            None,
            false,
            Colour::Red,
        ),
        (
            "morning one up",
            Some(1),
            None,
            morning(2, 1, false),
            false,
            Colour::Amber,
        ),
        (
            "morning two up",
            Some(1),
            None,
            morning(3, 1, false),
            false,
            Colour::Red,
        ),
        (
            "morning up twice",
            Some(1),
            None,
            morning(2, 1, true),
            false,
            Colour::Red,
        ),
        // §1.1 as reviewed: from a baseline of 0, a second morning at 1/10 is amber, not red.
        (
            "one above a baseline of 0, twice",
            Some(1),
            None,
            morning(1, 0, true),
            false,
            Colour::Amber,
        ),
        (
            "two above a baseline of 0",
            Some(1),
            None,
            morning(2, 0, false),
            false,
            Colour::Red,
        ),
        ("limp", Some(0), None, None, true, Colour::Red),
    ];
    for (case, pain, run, m, limp, want) in cases {
        let mut d = day(None);
        d.pain_during = pain;
        d.run_pain = run;
        d.limp = limp;
        let got = classify(&d, m, limits, &rules(), &kinds);
        assert_eq!(got.colour, want, "{case}: {:?}", got.causes);
        assert_eq!(got.run_red, run.is_some() && want == Colour::Red, "{case}");
    }
}

#[test]
fn day_pain_over_the_ceiling_eases_only_main_exercises_done() {
    let mut d = day(None);
    d.pain_during = Some(6);
    for (id, status) in [
        ("squat", Status::Done),
        ("bike", Status::Done),
        ("bridge", Status::Skipped),
    ] {
        d.items.push(super::super::log::ItemLog {
            exercise: id.into(),
            status,
            pain: None,
        });
    }
    let kinds = Kinds {
        runs: vec![],
        main: vec!["squat", "bridge"],
    };
    let limits = Limits {
        exercise: 3,
        running: 2,
    };
    let got = classify(&d, None, limits, &rules(), &kinds);
    assert_eq!(got.painful_exercises, vec!["squat".to_string()]);
}
