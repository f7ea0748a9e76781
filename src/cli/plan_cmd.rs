//! `rehab plan`: build weeks for a condition and settings, then print or save them as text,
//! Markdown or HTML.

use std::io::Write;

use super::args::{PatientArgs, PlanArgs, PlanFormat, SettingsArgs};
use super::catalog_cmds::find_condition;
use super::{CmdResult, Ctx, Failure};
use crate::export::{self, ExportInput, Format, Patient};
use crate::plan::{Overrides, Settings, WeekPlan, build_program};

/// The longest program a plan prints; more is almost surely a typo.
const MAX_WEEKS: u32 = 52;

pub fn plan(ctx: &Ctx, args: &PlanArgs) -> CmdResult {
    let Some(condition_id) = args.condition.as_deref() else {
        return Err(Failure::data(format!(
            "plans from a profile (`--profile {}`) are not available yet; give --condition ID",
            ctx.profile
        )));
    };
    let condition = find_condition(&ctx.catalog, condition_id)?;
    let settings = settings(&args.settings, ctx.today);
    let weeks = weeks_wanted(args)?;
    let last = *weeks.end();
    let program = build_program(
        &ctx.catalog,
        condition,
        &settings,
        &Overrides::default(),
        last,
    )
    .map_err(|e| Failure::usage(e.to_string()))?;
    let chosen: Vec<WeekPlan> = program
        .weeks
        .into_iter()
        .filter(|w| weeks.contains(&w.state.week))
        .collect();
    let input = ExportInput::assemble(
        &ctx.catalog,
        condition,
        chosen,
        ctx.today,
        patient(&args.patient),
    );
    let format = match args.format {
        PlanFormat::Text => Format::Text,
        PlanFormat::Markdown => Format::Markdown,
        PlanFormat::Html => Format::Html,
    };
    let rendered = export::render(&input, format, ctx.ascii);
    match &args.output {
        Some(path) => {
            crate::store::export::write_plan(path, &rendered, args.force)
                .map_err(|e| Failure::data(e.to_string()))?;
            let mut out = std::io::stdout().lock();
            writeln!(out, "wrote {}", path.display())?;
            Ok(())
        }
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(rendered.as_bytes())?;
            out.flush()?;
            Ok(())
        }
    }
}

/// Which weeks to print: `--week N` alone, `--weeks N` from week 1, or week 1.
fn weeks_wanted(args: &PlanArgs) -> Result<std::ops::RangeInclusive<u32>, Failure> {
    let check = |flag: &str, n: u32| {
        if (1..=MAX_WEEKS).contains(&n) {
            Ok(n)
        } else {
            Err(Failure::usage(format!(
                "{flag} must be 1-{MAX_WEEKS}, not {n}"
            )))
        }
    };
    match (args.week, args.weeks) {
        (Some(n), _) => check("--week", n).map(|n| n..=n),
        (None, Some(n)) => check("--weeks", n).map(|n| 1..=n),
        (None, None) => Ok(1..=1),
    }
}

/// The command line's settings over the defaults; the program starts today unless told.
pub fn settings(args: &SettingsArgs, today: jiff::civil::Date) -> Settings {
    let mut s = Settings::new(args.start.unwrap_or(today));
    if let Some(days) = args.days {
        s.days_per_week = days;
    }
    if let Some(run_days) = &args.run_days {
        s.run_days = run_days.clone();
    }
    if let Some(equipment) = &args.equipment {
        s.equipment = equipment.iter().flatten().copied().collect();
    }
    if let Some(minutes) = args.minutes {
        s.minutes = minutes;
    }
    if let Some(cross) = &args.cross_training {
        s.cross_training = cross.clone();
    }
    s
}

/// Patient fields; blank ones count as not given.
fn patient(args: &PatientArgs) -> Patient {
    let given = |v: &Option<String>| v.clone().filter(|t| !t.trim().is_empty());
    Patient {
        name: given(&args.patient),
        clinician: given(&args.clinician),
        clinic: given(&args.clinic),
        notes: given(&args.notes),
    }
}
