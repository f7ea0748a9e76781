//! `rehab`: parse the arguments, then run a command or open the full-screen app.

use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = rehab_planner::cli::parse();
    let today = cli
        .global
        .today
        .unwrap_or_else(|| jiff::Zoned::now().date());
    match rehab_planner::cli::run_command(cli, today) {
        Some(code) => code,
        None => {
            // The full-screen app arrives with its own issue; until then, help.
            let _ = <rehab_planner::cli::Cli as clap::CommandFactory>::command().print_help();
            ExitCode::SUCCESS
        }
    }
}
