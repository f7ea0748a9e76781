//! The command line, as clap types. Parsing only: the handlers live beside this file.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::catalog::limits::MAX_PAIN;
pub use crate::context::{Global, parse_date};
use jiff::civil::Date;

use crate::catalog::{Equipment, Kind};
use crate::plan::{Day, RunningNow};

/// Knee rehab and cross-training plans for runners. Guidance, not a diagnosis.
#[derive(Debug, Parser)]
#[command(name = "rehab", version, long_about = None, propagate_version = true)]
pub struct Cli {
    #[command(flatten)]
    pub global: Global,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List the conditions: id, name, where it hurts
    Conditions,
    /// List exercises, one line each starting with the id
    Exercises {
        /// Only those used by this condition
        #[arg(long, value_name = "ID")]
        condition: Option<String>,
        /// Only this kind
        #[arg(long, value_enum)]
        kind: Option<KindArg>,
    },
    /// Show one exercise in full: dose, steps, cues, cautions, links, source
    Show {
        /// Exercise id
        id: String,
        /// Leave out the figure (the drawing of the exercise's key positions)
        #[arg(long)]
        no_figure: bool,
    },
    /// Draw every exercise's figure, as a contact sheet to check a library at a glance
    Figures {
        /// Only these exercises
        ids: Vec<String>,
        /// text, markdown or html [default: from the -o file's extension, else text]
        #[arg(long, value_parser = format_parser())]
        format: Option<crate::export::Format>,
        /// Write to this file instead of standard output (`-` for standard output)
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Overwrite the file if it exists
        #[arg(long)]
        force: bool,
    },
    /// Print the source list
    Sources,
    /// Build a plan for a condition or a profile and print or save it
    Plan(PlanArgs),
    /// Validate the built-in and user library, or the given files
    Check {
        /// RON files to check on top of the built-in library
        paths: Vec<PathBuf>,
    },
    /// Print shell completions
    Completions {
        /// The shell to write completions for
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff)
    Man,
    /// Print the resolved config, data and library paths
    Paths,
    /// Create, list, show and change profiles
    #[command(subcommand)]
    Profile(ProfileCommand),
    /// Today's items with their ids and dose, each ticked or not
    Today {
        /// The day to show (YYYY-MM-DD) [default: today]
        #[arg(long, value_parser = parse_date)]
        date: Option<Date>,
    },
    /// Tick items (exercise id or number from `rehab today`)
    Done {
        /// The items to tick: numbers or exercise ids from `rehab today`
        #[arg(required = true)]
        items: Vec<String>,
        /// The day they were done (YYYY-MM-DD) [default: today]
        #[arg(long, value_parser = parse_date)]
        date: Option<Date>,
        /// Sets done, when fewer than prescribed
        #[arg(long)]
        sets: Option<u32>,
    },
    /// Untick an item
    Undo {
        /// The item to untick: its number or exercise id from `rehab today`
        item: String,
        /// The day of the tick (YYYY-MM-DD) [default: today]
        #[arg(long, value_parser = parse_date)]
        date: Option<Date>,
    },
    /// Skip an item with a reason
    Skip {
        /// The item skipped: its number or exercise id from `rehab today`
        item: String,
        /// Why it was skipped
        #[arg(long, value_enum)]
        reason: SkipReason,
        /// The day it was skipped (YYYY-MM-DD) [default: today]
        #[arg(long, value_parser = parse_date)]
        date: Option<Date>,
    },
    /// Log pain 0-10 during exercise and the next morning
    Pain(PainArgs),
    /// Add a note to a day
    Note {
        /// The note, in your own words (quote it when it has spaces)
        text: String,
        /// The day it is about (YYYY-MM-DD) [default: today]
        #[arg(long, value_parser = parse_date)]
        date: Option<Date>,
    },
    /// Adherence, pain trend and ticks per week, with each week's decision
    History {
        /// The last N weeks up to today
        #[arg(long, default_value_t = 4, value_parser = parse_weeks)]
        weeks: u32,
    },
    /// Everything a profile holds, for backup or a spreadsheet
    ExportData {
        /// ron, json, or csv for a spreadsheet
        #[arg(long, value_enum, default_value_t = DataFormat::Ron)]
        format: DataFormat,
    },
    /// Explain what is wrong with the data files and how to fix it
    Doctor,
    /// Answer the red-flag questions: one at a time on a terminal, or every one by flag
    Screen(ScreenArgs),
    /// List the exit and return-to-running criteria, or record them as met or not met
    Criteria {
        /// Record these criteria (ids from the list) as met
        #[arg(long, value_name = "ID", conflicts_with = "not_met")]
        met: Option<String>,
        /// Record these criteria as not met (withdraw an earlier "met")
        #[arg(long, value_name = "ID")]
        not_met: Option<String>,
    },
    /// Runs from a watch: the weekly running load against the weeks before, with its flags;
    /// `rehab runs import` reads GPX, TCX and FIT files
    Runs {
        #[command(subcommand)]
        action: Option<RunsCommand>,
        /// The last N weeks up to today
        #[arg(long, default_value_t = 6, value_parser = parse_weeks)]
        weeks: u32,
    },
    /// The follow-up report for a visit: adherence, pain, decisions, dose, red flags
    Report(ReportArgs),
    /// Every profile in the data folder, those needing attention first (read-only); with a
    /// subcommand, the ssh keys that open each patient's profile on a clinic server
    Clinic {
        #[command(subcommand)]
        action: Option<ClinicCommand>,
    },
}

/// `rehab runs import`.
#[derive(Debug, Subcommand)]
pub enum RunsCommand {
    /// Import runs (and rides, swims and walks as cross-training) from GPX, TCX and FIT files
    /// or folders of them: a summary of each is kept, never the GPS track; importing a file
    /// again changes nothing
    Import {
        /// Files or folders to read; `-` reads one file from standard input
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// The time zone for files that give times in UTC (FIT, most GPX), like Europe/London,
        /// UTC or +01:00 [default: this computer's]
        #[arg(long, value_name = "ZONE")]
        tz: Option<String>,
        /// Count an activity whose file names no sport this app knows as this kind
        #[arg(long, value_enum)]
        kind: Option<ActivityArg>,
    },
}

/// Activity kinds as typed on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ActivityArg {
    Run,
    Cycle,
    Swim,
    Walk,
}

/// `rehab clinic init | authorize | revoke | keys`: sshd's authorized_keys for a clinic server.
#[derive(Debug, Subcommand)]
pub enum ClinicCommand {
    /// Set up a clinic server, run as the account that serves it: the data folder owner-only,
    /// the sshd settings printed (or written with --sshd-config) and checked with `sshd -t`
    /// when sshd is installed, then the next step
    Init {
        /// Write the sshd drop-in here, like /etc/ssh/sshd_config.d/rehab.conf (as root),
        /// instead of printing it on standard output
        #[arg(long, value_name = "FILE")]
        sshd_config: Option<PathBuf>,
        /// The account that serves the clinic, for the drop-in's `Match User`
        #[arg(long, value_name = "NAME", default_value = "rehab")]
        user: String,
        /// Replace a --sshd-config file that holds other settings
        #[arg(long)]
        force: bool,
        #[command(flatten)]
        file: AuthorizedKeysArg,
    },
    /// Let an ssh key open this profile, and nothing else: a line with a forced command
    /// (`rehab --locked NAME`) and sshd's `restrict,pty`
    Authorize {
        /// The profile the key opens (it must exist in the data folder)
        name: String,
        /// The patient's public key file, like id_ed25519.pub
        #[arg(long, value_name = "FILE.pub")]
        key: PathBuf,
        #[command(flatten)]
        file: AuthorizedKeysArg,
    },
    /// Remove every key line that opens this profile (sessions already open run to their end)
    Revoke {
        /// The profile whose keys stop working
        name: String,
        #[command(flatten)]
        file: AuthorizedKeysArg,
    },
    /// List which key opens which profile
    Keys {
        #[command(flatten)]
        file: AuthorizedKeysArg,
    },
}

#[derive(Debug, Args)]
pub struct AuthorizedKeysArg {
    /// sshd's authorized_keys file [default: ~/.ssh/authorized_keys]
    #[arg(long, value_name = "FILE")]
    pub authorized_keys: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct PlanArgs {
    /// Condition id (or alias); without it, the plan of the profile (`--profile NAME`)
    #[arg(long, value_name = "ID")]
    pub condition: Option<String>,
    /// Only this week
    #[arg(long, conflicts_with = "weeks", value_parser = parse_weeks)]
    pub week: Option<u32>,
    /// This many weeks from week 1
    #[arg(long, value_parser = parse_weeks)]
    pub weeks: Option<u32>,
    #[command(flatten)]
    pub settings: SettingsArgs,
    #[command(flatten)]
    pub out: OutputArgs,
    /// The one-page sheet for the fridge: each week's grid, the pain rules and the stop box
    #[arg(long)]
    pub sheet: bool,
    /// Add the clinician note on its own last page (what did not fit the minutes, what was left
    /// out); the patient's handout has none by default
    #[arg(long)]
    pub clinician_note: bool,
    /// The default since the note became opt-in; still accepted so older scripts run
    #[arg(long, hide = true, conflicts_with = "clinician_note")]
    pub no_clinician_note: bool,
    #[command(flatten)]
    pub patient: PatientArgs,
}

/// Plan settings given on the command line.
#[derive(Debug, Args, Clone, Default)]
pub struct SettingsArgs {
    /// First day of the program (YYYY-MM-DD) [default: today]
    #[arg(long, value_parser = parse_date)]
    pub start: Option<Date>,
    /// Training days a week (3-7)
    #[arg(long, value_parser = clap::value_parser!(u8).range(3..=7))]
    pub days: Option<u8>,
    /// Run days, like mon,thu; `none` for a person who does not run (no runs and no
    /// return-to-running checks; walking, cycling or swimming take their place)
    #[arg(long, value_delimiter = ',', value_parser = parse_run_day)]
    pub run_days: Option<Vec<Option<Day>>>,
    /// How you run now: runs a week x minutes per run, like 3x30, or `none` when not running
    /// at the moment (running then comes back through the walk-run levels); phase 1's runs
    /// start from a share of it and are never longer than your usual run
    #[arg(long, value_name = "NxMIN", value_parser = parse_running_now)]
    pub running_now: Option<RunningNow>,
    /// Equipment at hand, like band,step (or none)
    #[arg(long, value_delimiter = ',', value_parser = parse_equipment)]
    pub equipment: Option<Vec<Option<Equipment>>>,
    /// Minutes per session (10-240)
    #[arg(long, value_parser = clap::value_parser!(u32).range(10..=240))]
    pub minutes: Option<u32>,
    /// Preferred cross-training exercise ids, like swimming,cycling
    #[arg(long, value_delimiter = ',')]
    pub cross_training: Option<Vec<String>>,
}

/// Patient details for a printed plan.
impl SettingsArgs {
    /// The settings given on the command line over `s`, checked: the start within a sane window
    /// of today and moved to its Monday, days sorted once each, cross-training ids known.
    pub fn apply(
        &self,
        catalog: &crate::catalog::Catalog,
        s: &mut crate::plan::Settings,
        today: Date,
    ) -> Result<(), super::Failure> {
        if let Some(start) = self.start {
            s.start = crate::plan::check_start(start, today)
                .map_err(|e| super::Failure::usage(format!("--start: {e}")))?;
        }
        if let Some(days) = self.days {
            s.days_per_week = days;
        }
        if let Some(run_days) = &self.run_days {
            let none = run_days.iter().any(Option::is_none);
            let mut days: Vec<Day> = run_days.iter().flatten().copied().collect();
            if none && !days.is_empty() {
                return Err(super::Failure::usage(
                    "--run-days: `none` cannot go with days; give days, or none alone",
                ));
            }
            days.sort();
            days.dedup();
            s.no_running = none;
            if !none {
                s.run_days = days;
            }
            if none && self.running_now.is_some() {
                return Err(super::Failure::usage(
                    "--running-now cannot go with --run-days none (does not run); give one of them",
                ));
            }
        }
        if let Some(now) = self.running_now {
            // Saying how one runs now says one runs.
            s.running_now = Some(now);
            s.no_running = false;
        }
        if let Some(equipment) = &self.equipment {
            let mut list: Vec<_> = equipment.iter().flatten().copied().collect();
            list.sort();
            list.dedup();
            s.equipment = list;
        }
        if let Some(minutes) = self.minutes {
            s.minutes = minutes;
        }
        if let Some(cross) = &self.cross_training {
            for id in cross {
                catalog
                    .find_exercise(id)
                    .map_err(|e| super::Failure::data(format!("--cross-training: {e}")))?;
            }
            s.cross_training = cross.clone();
        }
        Ok(())
    }
}

impl PatientArgs {
    /// Free text is checked on the way in: no control or invisible formatting characters (the
    /// notes may have line breaks and tabs). A refusal is a usage error.
    pub fn check(&self) -> Result<(), super::Failure> {
        let fields = [
            ("--patient", &self.patient, false),
            ("--clinician", &self.clinician, false),
            ("--clinic", &self.clinic, false),
            ("--notes", &self.notes, true),
        ];
        for (flag, value, multiline) in fields {
            if let Some(text) = value {
                crate::profile::check_patient_field(flag, text, multiline)
                    .map_err(|e| super::Failure::usage(e.replacen("the ", "", 1)))?;
            }
        }
        Ok(())
    }
}

#[derive(Debug, Args, Clone, Default)]
pub struct PatientArgs {
    /// The patient's name, printed on the plan
    #[arg(long, value_name = "NAME")]
    pub patient: Option<String>,
    /// The clinician's name, printed on the plan
    #[arg(long, value_name = "NAME")]
    pub clinician: Option<String>,
    /// The clinic's name, printed on the plan
    #[arg(long, value_name = "NAME")]
    pub clinic: Option<String>,
    /// Notes for the patient, printed on the plan (line breaks allowed)
    #[arg(long, value_name = "TEXT")]
    pub notes: Option<String>,
}

#[derive(Debug, Args)]
pub struct PainArgs {
    /// Worst pain during exercise or running (0-10)
    #[arg(long, value_parser = clap::value_parser!(u8).range(0..=i64::from(MAX_PAIN)))]
    pub during: Option<u8>,
    /// Knee pain or stiffness on rising (0-10), for the session before it: without --date it
    /// goes to yesterday
    #[arg(long, value_parser = clap::value_parser!(u8).range(0..=i64::from(MAX_PAIN)))]
    pub morning: Option<u8>,
    /// The knee swelled (new swelling): pauses the plan until the safety questions are answered
    #[arg(long)]
    pub swelling: bool,
    /// You limped: pauses the plan until the safety questions are answered
    #[arg(long)]
    pub limp: bool,
    /// The pain turned sharp or stabbing
    #[arg(long)]
    pub sharp: bool,
    /// The session's date [default: today]
    #[arg(long, value_parser = parse_date)]
    pub date: Option<Date>,
    /// The item it hurt during (number or id from `rehab today`), like the run
    #[arg(long, value_name = "ITEM")]
    pub item: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum ProfileCommand {
    /// Create a profile
    New {
        /// The profile's name: 1-40 letters, digits, - _ or .
        name: String,
        /// Condition id (or alias), from `rehab conditions`
        #[arg(long, value_name = "ID")]
        condition: String,
        #[command(flatten)]
        settings: SettingsArgs,
    },
    /// List profiles
    List,
    /// Show a profile (the current one by default)
    Show {
        /// The profile [default: the current one]
        name: Option<String>,
    },
    /// Change settings and patient fields of the current profile
    Set(Box<ProfileSetArgs>),
    /// Write a profile's prescription file: condition, settings, a clinician's changes, patient
    /// fields and notes, the assessment date; never the red-flag answers
    Export {
        /// The profile [default: the current one]
        name: Option<String>,
        /// The file to write (`-` or none: standard output)
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Overwrite the file if it exists
        #[arg(long)]
        force: bool,
    },
    /// Create a profile from a prescription file, checked against the library
    Import {
        /// The prescription file (from `rehab profile export`)
        file: PathBuf,
        /// The profile's name [default: the one in the file]
        #[arg(long = "as", value_name = "NAME")]
        name: Option<String>,
        /// Replace an existing profile's plan settings (its journal and red-flag answers stay)
        #[arg(long)]
        force: bool,
        /// Check the file and show what it would create, writing nothing
        #[arg(long)]
        dry_run: bool,
    },
}

/// Where a printable document goes, and in which format: the same flags for every command that
/// prints one.
#[derive(Debug, Args, Clone, Default)]
pub struct OutputArgs {
    /// text, markdown or html [default: from the -o file's extension, else text]
    #[arg(long, value_parser = format_parser())]
    pub format: Option<crate::export::Format>,
    /// Write to this file instead of standard output (`-` for standard output)
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Overwrite the output file if it exists
    #[arg(long)]
    pub force: bool,
}

impl OutputArgs {
    /// The file to write, or `None` for standard output (no `-o`, or `-o -`).
    pub fn file(&self) -> Option<&std::path::Path> {
        self.output.as_deref().filter(|p| p.as_os_str() != "-")
    }

    /// The format asked for, else the one the file's name asks for, else text.
    pub fn format(&self) -> crate::export::Format {
        self.format.unwrap_or_else(|| {
            self.file()
                .map_or(crate::export::Format::Text, crate::export::Format::for_path)
        })
    }
}

/// `rehab report`: the follow-up report of the current profile.
#[derive(Debug, Args)]
pub struct ReportArgs {
    /// The last N weeks up to today
    #[arg(
        long,
        default_value_t = crate::handover::REPORT_WEEKS,
        value_parser = clap::value_parser!(u32).range(1..=i64::from(crate::plan::MAX_PRINTED_WEEKS))
    )]
    pub weeks: u32,
    #[command(flatten)]
    pub out: OutputArgs,
}

#[derive(Debug, Args)]
pub struct ProfileSetArgs {
    /// Change the condition: its id (or alias), from `rehab conditions`
    #[arg(long, value_name = "ID")]
    pub condition: Option<String>,
    #[command(flatten)]
    pub settings: SettingsArgs,
    #[command(flatten)]
    pub patient: PatientArgs,
    /// Keep the person in this phase (1-based; 0 clears)
    #[arg(long)]
    pub pin_phase: Option<u32>,
    /// Keep the walk-run level here (0 clears)
    #[arg(long)]
    pub pin_level: Option<u32>,
    /// Add an exercise to every phase
    #[arg(long, value_name = "ID")]
    pub add_exercise: Vec<String>,
    /// Never schedule this exercise
    #[arg(long, value_name = "ID")]
    pub remove_exercise: Vec<String>,
    /// Schedule NEW in place of OLD, written OLD=NEW
    #[arg(long, value_name = "OLD=NEW")]
    pub replace_exercise: Vec<String>,
    /// Change an exercise's dose: ID=SETSxAMOUNT (reps, seconds or minutes in the exercise's
    /// unit) and any of tempo=3-0-3, rest=SECONDS, weight=rm|body|band|KGkg|none,
    /// hold-each=SECONDS, bend=DEGREES, step=CM, effort=LO-HI, freq=N/week|daily|N/day,
    /// side=each|both, apart by spaces, like 'heavy-slow-resistance=4x10 rest=120 freq=2/week'.
    /// A field not given keeps its value; the change is shown as set by the profile's clinician
    /// today
    #[arg(long, value_name = "ID=SETSxAMOUNT FIELD=VALUE...")]
    pub dose: Vec<String>,
    /// Pain ceiling for exercise (0-10)
    #[arg(long, value_name = "0-10", value_parser = clap::value_parser!(u8).range(0..=i64::from(MAX_PAIN)))]
    pub ceiling_exercise: Option<u8>,
    /// Pain ceiling for running (0-10)
    #[arg(long, value_name = "0-10", value_parser = clap::value_parser!(u8).range(0..=i64::from(MAX_PAIN)))]
    pub ceiling_running: Option<u8>,
    /// Drop every override first (pins, doses, added, removed and replaced exercises, ceilings)
    #[arg(long)]
    pub clear_overrides: bool,
    /// For the clinician: record that you assessed the knee on this date (YYYY-MM-DD, today
    /// or before), with your name. This lifts a "get care" or "see a clinician first" answer
    /// given on or before that date; answering the questions again never does
    #[arg(long, value_parser = parse_date, value_name = "DATE", requires = "assessed_by")]
    pub assessed_on: Option<Date>,
    /// The clinician who assessed the knee (needed with --assessed-on)
    #[arg(long, value_name = "NAME", requires = "assessed_on")]
    pub assessed_by: Option<String>,
    /// Move the start even though days already over would count as missed (a start moved
    /// back) or logged days would stop counting (a start moved later); without it rehab says
    /// which days and changes nothing
    #[arg(long)]
    pub yes: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DataFormat {
    Ron,
    Json,
    Csv,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SkipReason {
    Pain,
    Time,
    Equipment,
    Other,
}

/// Exercise kinds as typed on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum KindArg {
    Strength,
    Isometric,
    Eccentric,
    Mobility,
    Stretch,
    SoftTissue,
    Balance,
    Plyometric,
    WarmUp,
    CrossTraining,
    Run,
}

impl From<KindArg> for Kind {
    fn from(k: KindArg) -> Kind {
        match k {
            KindArg::Strength => Kind::Strength,
            KindArg::Isometric => Kind::Isometric,
            KindArg::Eccentric => Kind::Eccentric,
            KindArg::Mobility => Kind::Mobility,
            KindArg::Stretch => Kind::Stretch,
            KindArg::SoftTissue => Kind::SoftTissue,
            KindArg::Balance => Kind::Balance,
            KindArg::Plyometric => Kind::Plyometric,
            KindArg::WarmUp => Kind::WarmUp,
            KindArg::CrossTraining => Kind::CrossTraining,
            KindArg::Run => Kind::Run,
        }
    }
}

/// A week number or count, at most the weeks a program may have: more would cost every week.
fn parse_weeks(text: &str) -> Result<u32, String> {
    let n: u32 = text
        .trim()
        .parse()
        .map_err(|_| format!("`{}` is not a number of weeks", crate::text::excerpt(text)))?;
    // Week 0 is left to the command, which says why it has none.
    if n > crate::plan::MAX_WEEKS {
        return Err(format!("give at most {} weeks", crate::plan::MAX_WEEKS));
    }
    Ok(n)
}

fn parse_day(text: &str) -> Result<Day, String> {
    Day::parse(text)
        .ok_or_else(|| format!("`{text}` is not a day; use mon, tue, wed, thu, fri, sat or sun"))
}

fn parse_running_now(text: &str) -> Result<RunningNow, String> {
    RunningNow::parse(text)
}

/// `none` parses to `None` so `--run-days none` says "does not run".
fn parse_run_day(text: &str) -> Result<Option<Day>, String> {
    if text.trim().eq_ignore_ascii_case("none") {
        return Ok(None);
    }
    parse_day(text).map(Some)
}

/// `none` parses to `None` so `--equipment none` says "nothing at hand".
fn parse_equipment(text: &str) -> Result<Option<Equipment>, String> {
    let t = text.trim().to_ascii_lowercase().replace('_', "-");
    if t == "none" {
        return Ok(None);
    }
    Equipment::ALL
        .into_iter()
        .find(|e| e.label() == t || (t == "foam" && *e == Equipment::FoamRoller))
        .map(Some)
        .ok_or_else(|| {
            let names: Vec<&str> = Equipment::ALL.iter().map(|e| e.label()).collect();
            format!(
                "`{text}` is not equipment; use none or {}",
                names.join(", ")
            )
        })
}

/// `rehab screen`: with no flags on a terminal it asks each question; in a script, `--yes` and
/// `--no` together must name every question (`--list` shows their ids).
#[derive(Debug, Args, Default)]
pub struct ScreenArgs {
    /// Print the questions with their ids and stop
    #[arg(long, conflicts_with_all = ["yes", "no"])]
    pub list: bool,
    /// Questions answered "yes", by id (comma-separated)
    #[arg(long, value_delimiter = ',', value_name = "ID")]
    pub yes: Vec<String>,
    /// Questions answered "no", by id (comma-separated)
    #[arg(long, value_delimiter = ',', value_name = "ID")]
    pub no: Vec<String>,
}

/// `--format`'s values, from the printed formats' own labels: the domain's type stays free of
/// the command line's.
fn format_parser() -> impl clap::builder::TypedValueParser<Value = crate::export::Format> {
    use clap::builder::TypedValueParser;
    let labels = crate::export::Format::ALL.map(crate::export::Format::label);
    clap::builder::PossibleValuesParser::new(labels)
        .map(|label| crate::export::Format::from_label(&label).expect("one of the labels offered"))
}
