//! `rehab`: parse the arguments, then run a command or open the full-screen app.

use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = rehab_planner::cli::parse();
    let today = cli
        .global
        .today
        .unwrap_or_else(|| jiff::Zoned::now().date());
    let global = cli.global.clone();
    rehab_planner::cli::run_command(cli, today)
        .unwrap_or_else(|| rehab_planner::tui::run(&global, today))
}
