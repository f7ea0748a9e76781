//! Scenario tests over logged histories written as RON fixtures (tests/fixtures/progress/).

use crate::progress_support;

use progress_support::run_scenario;

macro_rules! scenario {
    ($name:ident) => {
        #[test]
        fn $name() {
            run_scenario(concat!(stringify!($name), ".ron"));
        }
    };
}

scenario!(steady_green);
scenario!(one_red_exercise);
scenario!(two_red_sessions);
scenario!(rising_morning);
scenario!(missing_week);
scenario!(override_pinned);
scenario!(override_ceiling);
scenario!(override_replaced);
scenario!(red_flag);
scenario!(sharp_pain);
scenario!(run_entry_gate);
scenario!(red_runs);
scenario!(no_improvement);
scenario!(adherence);
scenario!(stand_in_not_eased);
