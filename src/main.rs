//! `rehab`: parse the arguments, then run a command or open the full-screen app.

use std::process::ExitCode;

fn main() -> ExitCode {
    // A bug should read as one line asking for a report, not a Rust backtrace. The app's own
    // hook (installed later by ratatui) restores the terminal first, then calls this one.
    std::panic::set_hook(Box::new(|info| {
        let place = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        eprintln!(
            "rehab: internal error{place}; nothing more was written. Please report it with the command you ran."
        );
    }));
    let cli = rehab_planner::cli::parse();
    let today = cli
        .global
        .today
        .unwrap_or_else(|| jiff::Zoned::now().date());
    let global = cli.global.clone();
    rehab_planner::cli::run_command(cli, today)
        .unwrap_or_else(|| rehab_planner::tui::run(&global, today))
}
