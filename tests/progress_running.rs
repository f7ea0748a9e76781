//! Continuous running over a 16-week return: the weekly 10% ceiling always holds, holds and
//! step-backs keep or cut the time, and no fortnight warning is needed.

use crate::progress_support;

use progress_support::{catalog, run_scenario};

#[test]
fn ten_percent_ceiling_holds_over_sixteen_weeks() {
    let outcomes = run_scenario("return_16_weeks.ron");
    let rise_pct = catalog().pain_rules.expect("rules").running_weekly_rise_pct;
    let minutes: Vec<u32> = outcomes.iter().map(|o| o.plan.run_minutes).collect();
    let running_weeks = minutes.iter().filter(|&&m| m > 0).count();
    assert_eq!(running_weeks, 16, "{minutes:?}");
    for pair in minutes.windows(2) {
        let (last, now) = (pair[0], pair[1]);
        if last > 0 {
            assert!(
                now * 100 <= last * (100 + rise_pct),
                "{last} -> {now} min breaks the {rise_pct}% ceiling: {minutes:?}"
            );
        }
    }
    // The ceiling is a limit, not a freeze: running time does grow over the return.
    assert!(minutes[17] > minutes[2] * 2, "{minutes:?}");
    // The red run in week 9 cuts week 10; the missing week 13 keeps week 14 at week 13's time.
    assert!(minutes[9] < minutes[8], "{minutes:?}");
    assert_eq!(minutes[13], minutes[12], "{minutes:?}");
    for o in &outcomes {
        assert!(
            !o.flags
                .iter()
                .any(|f| matches!(f, rehab_planner::progress::Flag::FortnightRise { .. })),
            "week {}: {:?}",
            o.week(),
            o.flags
        );
    }
}
