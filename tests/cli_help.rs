//! Every argument of every command has help text (issue 30), and the help wraps at word
//! boundaries whatever the width.
#![allow(clippy::unwrap_used)]

use clap::CommandFactory;
use rehab_planner::cli::Cli;

/// `path > name` of every argument without help, through the whole command tree.
fn missing(cmd: &clap::Command, path: &str, out: &mut Vec<String>) {
    for arg in cmd.get_arguments() {
        let id = arg.get_id().as_str();
        // clap's own --help and --version carry their help.
        if arg.is_hide_set() || id == "help" || id == "version" {
            continue;
        }
        if arg.get_help().is_none() && arg.get_long_help().is_none() {
            out.push(format!("{path} {id}"));
        }
    }
    for sub in cmd.get_subcommands() {
        if sub.get_name() == "help" {
            continue;
        }
        if sub.get_about().is_none() && sub.get_long_about().is_none() {
            out.push(format!("{path} {} (the command)", sub.get_name()));
        }
        missing(sub, &format!("{path} {}", sub.get_name()), out);
    }
}

#[test]
fn every_flag_of_every_command_has_help() {
    let mut out = Vec::new();
    missing(&Cli::command(), "rehab", &mut out);
    assert!(out.is_empty(), "without help text:\n{}", out.join("\n"));
}

#[test]
fn the_walk_finds_an_argument_without_help() {
    // The check itself can fail: a command with a bare flag is caught.
    let cmd = clap::Command::new("x").arg(clap::Arg::new("bare").long("bare"));
    let mut out = Vec::new();
    missing(&cmd, "x", &mut out);
    assert_eq!(out, ["x bare"]);
}

/// The long help of the command `path` (`[]`: rehab itself) at `width` columns.
fn help_at(path: &[&str], width: usize) -> String {
    let mut cmd = Cli::command();
    cmd.build();
    let mut sub = cmd;
    for name in path {
        sub = sub.find_subcommand(name).unwrap().clone();
    }
    sub.term_width(width).render_long_help().to_string()
}

#[test]
fn help_wraps_at_word_boundaries() {
    for args in [&["plan"][..], &["clinic", "init"], &["profile", "set"], &[]] {
        let whole = help_at(args, 10_000);
        let words: std::collections::HashSet<&str> = whole.split_whitespace().collect();
        for width in [40, 60, 80, 100] {
            let help = help_at(args, width);
            for line in help.lines() {
                // A flag's own name and value, or one word longer than the column, cannot wrap.
                let single = line.split_whitespace().count() <= 1
                    || (line.trim_start().starts_with('-') && !line.trim_start().contains("  "));
                assert!(
                    single || line.chars().count() <= width,
                    "{args:?} at {width}: {line:?}"
                );
                // Every word on a wrapped line is a whole word of the unwrapped help.
                for word in line.split_whitespace() {
                    assert!(
                        words.contains(word),
                        "{args:?} at {width}: `{word}` was cut: {line:?}"
                    );
                }
            }
        }
    }
}
