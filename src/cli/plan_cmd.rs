//! `rehab plan`: build weeks for a condition and settings, or for a profile, then print or save
//! them as text, Markdown or HTML.

use std::ops::RangeInclusive;

use super::args::{PatientArgs, PlanArgs};
use super::catalog_cmds::find_condition;
use super::{CmdResult, Ctx, Failure};
use crate::export::{self, ExportInput, Patient};
use crate::plan::{Overrides, Settings, WeekPlan, build_program};
use crate::store::OpenProfile;

use crate::plan::MAX_PRINTED_WEEKS as MAX_WEEKS;

pub fn plan(ctx: &Ctx, args: &PlanArgs) -> CmdResult {
    // Patient fields for this print only are stripped by the export's cleaning, not refused;
    // `profile set` (which stores them) refuses them.
    let mut input = match args.condition.as_deref() {
        Some(id) => for_condition(ctx, args, id)?,
        None => for_profile(ctx, args)?,
    };
    input.options = export::PrintOptions {
        sheet: args.sheet,
        clinician_note: args.clinician_note,
    };
    let rendered = export::render(&input, args.out.format(), ctx.ascii);
    super::deliver(&args.out, &rendered)
}

/// A plan for a condition and the settings on the command line.
fn for_condition(ctx: &Ctx, args: &PlanArgs, id: &str) -> Result<ExportInput, Failure> {
    let condition = find_condition(&ctx.catalog, id)?;
    let mut settings = Settings::new(crate::plan::program_start(ctx.today));
    args.settings
        .apply(&ctx.catalog, &mut settings, ctx.today)?;
    let weeks = weeks_wanted(args, 1)?;
    let program = build_program(
        &ctx.catalog,
        condition,
        &settings,
        &Overrides::default(),
        *weeks.end(),
    )
    .map_err(|e| Failure::usage(e.to_string()))?;
    let chosen = only(program.weeks, &weeks);
    let patient = patient(Patient::default(), &args.patient);
    let mut input = ExportInput::assemble(&ctx.catalog, condition, chosen, ctx.today, patient);
    if settings.no_running {
        input.without_running();
    }
    Ok(input)
}

/// A profile's plan: its condition, settings, overrides and patient details (flags on the
/// command line win for this print), the current week unless told, and its logged history.
fn for_profile(ctx: &Ctx, args: &PlanArgs) -> Result<ExportInput, Failure> {
    let open = OpenProfile::open(&ctx.paths, &ctx.profile).map_err(|e| {
        Failure::data(format!(
            "{e}\n  (or give --condition ID for a plan without a profile)"
        ))
    })?;
    let mut profile = open.profile.clone();
    args.settings
        .apply(&ctx.catalog, &mut profile.settings, ctx.today)?;
    // An unknown condition gets the same "did you mean" as --condition.
    find_condition(&ctx.catalog, &profile.condition)?;
    super::journal_cmds::check_plan(ctx, &profile, ctx.today)?;
    let default_week = crate::session::ProgramWeek::of(&profile.settings, ctx.today).or_first();
    let weeks = weeks_wanted(args, default_week)?;
    let mut input = crate::session::export_profile(
        &ctx.catalog,
        &profile,
        open.journal.state(),
        weeks,
        ctx.today,
    )
    .map_err(super::journal_cmds::refused)?;
    input.patient = patient(input.patient, &args.patient);
    Ok(input)
}

fn only(weeks: Vec<WeekPlan>, wanted: &RangeInclusive<u32>) -> Vec<WeekPlan> {
    weeks
        .into_iter()
        .filter(|w| wanted.contains(&w.state.week))
        .collect()
}

/// Which weeks to print: `--week N` alone, `--weeks N` from week 1, or `default` alone.
fn weeks_wanted(args: &PlanArgs, default: u32) -> Result<RangeInclusive<u32>, Failure> {
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
        (None, None) => Ok(default..=default),
    }
}

/// Patient fields from the command line over `base`; blank ones count as not given.
fn patient(base: Patient, args: &PatientArgs) -> Patient {
    let given = |v: &Option<String>| v.clone().filter(|t| !t.trim().is_empty());
    Patient {
        name: given(&args.patient).or(base.name),
        clinician: given(&args.clinician).or(base.clinician),
        clinic: given(&args.clinic).or(base.clinic),
        notes: given(&args.notes).or(base.notes),
    }
}
