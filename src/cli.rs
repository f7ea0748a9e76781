//! The non-interactive commands. They never touch the terminal's modes, so they work when piped.

pub mod args;
mod catalog_cmds;
mod clinic_cmds;
mod handover_cmds;
pub(crate) mod journal_cmds;
mod plan_cmd;
mod runs_cmds;

use std::io::Write;
use std::process::ExitCode;

use clap::CommandFactory;
use jiff::civil::Date;

pub use crate::context::{
    CmdResult, Ctx, Failure, clock_is_plausible, finish, join, print, session_paths, warn,
};
pub use args::{Cli, Command};
// The texts of `rehab history`, `rehab today` and the CSV export, for the tests that hold every
// view to one story.
pub use journal_cmds::{csv_text, history_text, json_text, today_text};

use crate::context::short_lines;
use crate::store;

/// Parses the arguments and runs a command. `None` means "open the full-screen app".
pub fn run_command(cli: Cli, today: Date) -> Option<ExitCode> {
    let command = cli.command?;
    let result = match command {
        Command::Completions { shell } => {
            clap_complete::generate(shell, &mut Cli::command(), "rehab", &mut std::io::stdout());
            Ok(())
        }
        Command::Man => man_page(),
        command => check_today(&command, today)
            .and_then(|()| Ctx::load(&cli.global, today))
            .and_then(|ctx| dispatch(&ctx, command)),
    };
    Some(finish(result))
}

/// Refuses a today outside the accepted dates (a wrong clock: `--today` and REHAB_TODAY are
/// refused by their parser) before any file is read, for every command that looks at dates.
/// Reading the library needs no date, so those commands work with any clock.
fn check_today(command: &Command, today: Date) -> CmdResult {
    let dated = !matches!(
        command,
        Command::Conditions
            | Command::Exercises { .. }
            | Command::Show { .. }
            | Command::Figures { .. }
            | Command::Sources
            | Command::Paths
            | Command::Check { .. }
    );
    if dated {
        clock_is_plausible(today)?;
    }
    Ok(())
}

fn dispatch(ctx: &Ctx, command: Command) -> CmdResult {
    match command {
        Command::Check { paths } => return catalog_cmds::check(ctx, &paths),
        Command::Paths => {}
        _ => ctx.warn_library_problems(),
    }
    match command {
        Command::Conditions => catalog_cmds::conditions(ctx),
        Command::Exercises { condition, kind } => {
            catalog_cmds::exercises(ctx, condition.as_deref(), kind.map(Into::into))
        }
        Command::Show { id, no_figure } => catalog_cmds::show(ctx, &id, !no_figure),
        Command::Figures {
            ids,
            format,
            output,
            force,
        } => catalog_cmds::figures(ctx, &ids, format, output.as_deref(), force),
        Command::Sources => catalog_cmds::sources(ctx),
        Command::Plan(args) => plan_cmd::plan(ctx, &args),
        Command::Paths => catalog_cmds::paths(ctx),
        Command::Check { .. } | Command::Completions { .. } | Command::Man => Ok(()),
        Command::Profile(command) => journal_cmds::profile(ctx, command),
        Command::Today { date } => journal_cmds::today(ctx, date),
        Command::Done { items, date, sets } => journal_cmds::done(ctx, &items, date, sets),
        Command::Undo { item, date } => journal_cmds::undo(ctx, &item, date),
        Command::Skip { item, reason, date } => journal_cmds::skip(ctx, &item, reason, date),
        Command::Pain(args) => journal_cmds::pain(ctx, &args),
        Command::Note { text, date } => journal_cmds::note(ctx, &text, date),
        Command::History { weeks } => journal_cmds::history(ctx, weeks),
        Command::ExportData { format } => journal_cmds::export_data(ctx, format),
        Command::Doctor => journal_cmds::doctor(ctx),
        Command::Screen(args) => journal_cmds::screen(ctx, &args),
        Command::Report(args) => handover_cmds::report(ctx, &args),
        Command::Runs { action, weeks } => runs_cmds::runs(ctx, action, weeks),
        Command::Clinic { action: None } => handover_cmds::clinic(ctx),
        Command::Clinic {
            action: Some(action),
        } => clinic_cmds::run(ctx, action),
        Command::Criteria { met, not_met } => journal_cmds::criteria(ctx, met, not_met),
    }
}

fn man_page() -> CmdResult {
    let mut out = Vec::new();
    clap_mangen::Man::new(Cli::command()).render(&mut out)?;
    out.extend_from_slice(clinic_server_section().as_bytes());
    std::io::stdout().write_all(&out)?;
    Ok(())
}

/// The man page's CLINIC SERVER section, in roff: the set-up steps and sshd's settings as
/// `rehab clinic init` writes them (one text, so the page cannot drift from the command).
fn clinic_server_section() -> String {
    // roff reads a line starting with `.` or `'` as a request, and `\` as an escape.
    let line = |t: &str| {
        let t = t.replace('\\', "\\e");
        if t.starts_with(['.', '\'']) {
            format!("\\&{t}\n")
        } else {
            format!("{t}\n")
        }
    };
    let mut s = String::from(".SH \"CLINIC SERVER\"\n");
    for p in [
        "A clinic keeps its patients' plans in one data folder on a server, under one account \
         (rehab by default). Each patient's ssh key opens their own profile and nothing else.",
        "1. As that account: rehab clinic init (owner-only folders; prints sshd's settings).",
        "2. As root: rehab clinic init --sshd-config /etc/ssh/sshd_config.d/rehab.conf, then \
         reload sshd.",
        "3. For each patient: rehab clinic authorize NAME --key FILE.pub (see rehab clinic --help).",
        "Patients then use it like any ssh service: ssh rehab@HOST for the app, or a command \
         such as ssh rehab@HOST 'plan --format html' > plan.html; fetch NAME prints a file the \
         app exported. The settings rehab clinic init writes:",
    ] {
        s.push_str(".PP\n");
        s.push_str(&line(p));
    }
    s.push_str(".PP\n.nf\n");
    if let Ok(drop_in) = crate::clinic::sshd::drop_in("rehab") {
        for l in drop_in.lines() {
            s.push_str(&line(l));
        }
    }
    s.push_str(".fi\n");
    s.push_str(".PP\n");
    s.push_str(&line(
        "The Debian package installs the same file as \
         /usr/share/doc/rehab-planner/examples/sshd_config.d/rehab.conf.",
    ));
    s
}

/// The environment variables that stand for a global flag.
const ENV_FLAGS: [(&str, &str, &str); 4] = [
    ("REHAB_LIBRARY", "--library", "library"),
    ("REHAB_DATA_DIR", "--data-dir", "data_dir"),
    ("REHAB_PROFILE", "--profile", "profile"),
    ("REHAB_TODAY", "--today", "today"),
];

/// Parses `std::env::args`. Help and version print as clap writes them; a usage error is
/// printed cleaned (it may quote any argument or variable) and exits 2.
pub fn parse() -> Cli {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    // A locked session (an ssh forced command) reads no variable the client may have sent.
    let locked = args
        .iter()
        .skip(1)
        .any(|a| a == "--locked" || a.to_string_lossy().starts_with("--locked="));
    if locked {
        let parsed = clinic_cmds::without_env(Cli::command())
            .try_get_matches_from(&args)
            .and_then(|m| <Cli as clap::FromArgMatches>::from_arg_matches(&m));
        let forced = parsed.unwrap_or_else(|e| usage_exit(e));
        let command = std::env::var("SSH_ORIGINAL_COMMAND");
        return clinic_cmds::locked_cli(forced, command).unwrap_or_else(|f| {
            let code = f.code;
            let _ = finish(Err(f));
            std::process::exit(i32::from(code))
        });
    }
    if let Some(message) = empty_env(&args) {
        let _ = write!(std::io::stderr().lock(), "{message}");
        std::process::exit(2);
    }
    // Opening the app names no subcommand, so only the global options (from variables) can be
    // set: those alone are parsed, not every subcommand's arguments, which would be a third of
    // the app's start. Anything they refuse is parsed again in full, for clap's full message.
    if args.len() == 1
        && let Ok(global) = parse_globals(&args)
    {
        return Cli {
            global,
            command: None,
        };
    }
    parse_full(&args).unwrap_or_else(|e| usage_exit(e))
}

/// A variable set but empty is no value at all: with the flag given, the flag counts.
fn with_env_rules(mut command: clap::Command) -> clap::Command {
    for (var, _, id) in ENV_FLAGS {
        if std::env::var_os(var).is_some_and(|v| v.is_empty()) {
            command = command.mut_arg(id, |a| a.env(None));
        }
    }
    command
}

fn parse_full(args: &[std::ffi::OsString]) -> Result<Cli, clap::Error> {
    with_env_rules(Cli::command())
        .try_get_matches_from(args)
        .and_then(|m| <Cli as clap::FromArgMatches>::from_arg_matches(&m))
}

/// The global options alone, by the same definitions as [`parse_full`].
fn parse_globals(args: &[std::ffi::OsString]) -> Result<args::Global, clap::Error> {
    use clap::{Args, FromArgMatches};
    with_env_rules(args::Global::augment_args(clap::Command::new("rehab")))
        .try_get_matches_from(args)
        .and_then(|m| args::Global::from_arg_matches(&m))
}

/// Help and version print as clap writes them; a usage error is printed cleaned and exits 2.
fn usage_exit(e: clap::Error) -> ! {
    use clap::error::ErrorKind;
    if matches!(
        e.kind(),
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    ) {
        e.exit();
    }
    let message = e.render().to_string();
    let _ = write!(std::io::stderr().lock(), "{}", short_lines(&message));
    std::process::exit(2);
}

/// A variable that is set but empty, for a flag not given on the command line: clap would call
/// it a flag without a value, which names a flag nobody typed.
fn empty_env(args: &[std::ffi::OsString]) -> Option<String> {
    ENV_FLAGS.iter().find_map(|(var, flag, _)| {
        let empty = std::env::var_os(var).is_some_and(|v| v.is_empty());
        let given = args.iter().any(|a| {
            let a = a.to_string_lossy();
            a == *flag || a.starts_with(&format!("{flag}="))
        });
        (empty && !given).then(|| {
            format!(
                "error: the environment variable {var} is set but empty; give it a value or \
                 unset it (`unset {var}`), or use {flag}\n"
            )
        })
    })
}

/// Writes a printable document where `out` says: a file (never over another without --force,
/// and only a regular file) or standard output.
pub fn deliver(out: &args::OutputArgs, rendered: &str) -> CmdResult {
    match out.file() {
        Some(path) => {
            store::export::write_plan(path, rendered, out.force)
                .map_err(|e| Failure::data(e.to_string()))?;
            print(&format!("wrote {}\n", path.display()))
        }
        None => print(rendered),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<std::ffi::OsString> {
        std::iter::once("rehab")
            .chain(list.iter().copied())
            .map(Into::into)
            .collect()
    }

    /// Opening the app parses the global options alone: they must read as the full parse does.
    #[test]
    fn the_globals_alone_parse_as_the_full_command_line_does() {
        let cases: [&[&str]; 4] = [
            &[],
            &["--today", "2026-11-29", "--profile", "ann"],
            &[
                "--data-dir",
                "/d",
                "--library",
                "/l",
                "--no-color",
                "--ascii",
            ],
            &["--locked", "ann", "--today", " 2026-03-01 "],
        ];
        for case in cases {
            let full = parse_full(&args(case)).expect("the full parse accepts it");
            assert!(full.command.is_none());
            let alone = parse_globals(&args(case)).expect("the globals alone accept it");
            assert_eq!(alone, full.global, "{case:?}");
        }
    }

    #[test]
    fn the_globals_alone_refuse_what_the_full_command_line_refuses() {
        for case in [
            &["--today", "2026-02-30"][..],
            &["--profile"],
            &["--colour"],
        ] {
            assert!(parse_full(&args(case)).is_err(), "{case:?}");
            assert!(parse_globals(&args(case)).is_err(), "{case:?}");
        }
    }

    /// A subcommand is not theirs: it falls through to the full parse.
    #[test]
    fn the_globals_alone_refuse_a_subcommand() {
        let full = parse_full(&args(&["today"])).expect("a subcommand parses");
        assert!(full.command.is_some());
        assert!(parse_globals(&args(&["today"])).is_err());
    }
}
