//! `rehab profile new | list | show | set`.

use std::fmt::Write as _;
use std::io::IsTerminal;

use super::{Failure, print, store_failure};
use crate::catalog::Catalog;
use crate::cli::args::{PatientArgs, ProfileCommand, ProfileSetArgs, SettingsArgs};
use crate::cli::{CmdResult, Ctx};
use crate::plan::Settings;
use crate::profile::{Patient, Profile};
use crate::store::OpenProfile;
use crate::store::profile::list_profiles;
use crate::text::clean;

pub fn profile(ctx: &Ctx, command: ProfileCommand) -> CmdResult {
    match command {
        ProfileCommand::New {
            name,
            condition,
            settings,
        } => new(ctx, &name, &condition, &settings),
        ProfileCommand::List => list(ctx),
        ProfileCommand::Show { name } => show(ctx, name.as_deref().unwrap_or(&ctx.profile)),
        ProfileCommand::Set(args) => set(ctx, &args),
        ProfileCommand::Export {
            name,
            output,
            force,
        } => crate::cli::handover_cmds::export(ctx, name.as_deref(), output.as_deref(), force),
        ProfileCommand::Import {
            file,
            name,
            force,
            dry_run,
        } => crate::cli::handover_cmds::import(ctx, &file, name.as_deref(), force, dry_run),
    }
}

fn condition_id(catalog: &Catalog, id: &str) -> Result<String, Failure> {
    crate::cli::catalog_cmds::find_condition(catalog, id).map(|c| c.id.to_string())
}

fn apply_patient(patient: &mut Option<Patient>, args: &PatientArgs) {
    let mut p = patient.take().unwrap_or_default();
    // An empty value clears the field.
    let set = |field: &mut Option<String>, value: &Option<String>| {
        if let Some(v) = value {
            *field = Some(v.clone()).filter(|v| !v.trim().is_empty());
        }
    };
    set(&mut p.name, &args.patient);
    set(&mut p.clinician, &args.clinician);
    set(&mut p.clinic, &args.clinic);
    set(&mut p.notes, &args.notes);
    *patient = Some(p).filter(|p| !p.is_empty());
}

fn new(ctx: &Ctx, name: &str, condition: &str, args: &SettingsArgs) -> CmdResult {
    let condition = condition_id(&ctx.catalog, condition)?;
    let mut settings = Settings::new(crate::plan::program_start(ctx.today));
    args.apply(&ctx.catalog, &mut settings, ctx.today)?;
    let profile = Profile::new(name, condition, settings);
    let mut open = OpenProfile::create(&ctx.paths, profile).map_err(store_failure)?;
    let mut t = format!("Created profile `{name}` in {}.\n", open.dir.display());
    t.push_str(&describe(ctx, &open.profile));
    let pick = if name == ctx.profile {
        String::new()
    } else {
        format!(" --profile {name}")
    };
    if std::io::stdin().is_terminal() && std::io::stdout().is_terminal() {
        // A person at a terminal answers the red-flag questions now: no plan comes before them.
        print(&format!("{t}\n"))?;
        return super::screen::ask_and_save(ctx, &mut open);
    }
    let _ = writeln!(
        t,
        "\nNext: answer the red-flag questions with `rehab{pick} screen` (or in `rehab{pick}`); \
         there is no plan until then."
    );
    print(&t)
}

fn list(ctx: &Ctx) -> CmdResult {
    let names = list_profiles(&ctx.paths).map_err(store_failure)?;
    if names.is_empty() {
        return print(
            "No profiles yet. Create one with `rehab profile new NAME --condition ID`.\n",
        );
    }
    let mut t = String::new();
    for name in names {
        let current = if name == ctx.profile { "*" } else { " " };
        match crate::store::profile::read_profile(&ctx.paths, &name) {
            Ok(p) => {
                let patient = p
                    .patient
                    .as_ref()
                    .and_then(|p| p.name.as_deref())
                    .map(|n| format!("  patient: {}", clean(n)))
                    .unwrap_or_default();
                let _ = writeln!(
                    t,
                    "{current} {name:<20} {:<24} from {}{patient}",
                    clean(&p.condition),
                    p.settings.start
                );
            }
            Err(_) => {
                let _ = writeln!(
                    t,
                    "{current} {name:<20} (does not load: run `rehab doctor`)"
                );
            }
        }
    }
    print(&t)
}

fn show(ctx: &Ctx, name: &str) -> CmdResult {
    let open = OpenProfile::open(&ctx.paths, name).map_err(store_failure)?;
    let mut t = format!("Profile `{name}` ({})\n", open.dir.display());
    t.push_str(&describe(ctx, &open.profile));
    let _ = writeln!(
        t,
        "Journal: {} record(s), {} day(s) logged",
        open.journal.state().records,
        open.journal.state().days.len()
    );
    t.push_str(&standing_of(ctx, &open));
    print(&t)
}

/// The profile in plain words.
pub(crate) fn describe(ctx: &Ctx, p: &Profile) -> String {
    let mut t = String::new();
    let condition = ctx.catalog.condition(&p.condition).map_or_else(
        || format!("{} (not in the library)", clean(&p.condition)),
        |c| format!("{} ({})", c.name, c.id),
    );
    let s = &p.settings;
    let _ = writeln!(t, "Condition: {condition}");
    let _ = writeln!(t, "Start: {}", s.start);
    let _ = writeln!(
        t,
        "Training days a week: {} ({})",
        s.days_per_week,
        crate::plan::HOW_DAYS_COMBINE
    );
    let runs: Vec<&str> = s.run_days.iter().map(|d| d.short()).collect();
    if s.no_running {
        let _ = writeln!(t, "Run days: none (does not run)");
    } else {
        let _ = writeln!(t, "Run days: {}", or_none(&runs.join(", ")));
        if let Some(now) = s.running_now {
            let _ = writeln!(t, "Running now: {}", now.describe());
        }
    }
    let kit: Vec<&str> = s.equipment.iter().map(|e| e.label()).collect();
    let _ = writeln!(t, "Equipment: {}", or_none(&kit.join(", ")));
    let _ = writeln!(t, "Minutes per session: {}", s.minutes);
    let _ = writeln!(
        t,
        "Cross-training: {}",
        or_none(&clean(&s.cross_training.join(", ")))
    );
    // The settings the weeks before each change keep (issue 27), so the file's history is seen.
    for e in &p.earlier_settings {
        let s = &e.settings;
        let runs: Vec<&str> = s.run_days.iter().map(|d| d.short()).collect();
        let runs = runs.join(", ");
        let _ = writeln!(
            t,
            "Before {}: {} training days, {} min, run days {}",
            e.until,
            s.days_per_week,
            s.minutes,
            if s.no_running { "none" } else { or_none(&runs) }
        );
    }
    let r = &p.red_flags;
    match r.answered_on {
        None => {
            let _ = writeln!(t, "Red flags: not answered yet");
        }
        Some(date) => {
            let raised = r.raised();
            let _ = writeln!(
                t,
                "Red flags: answered {date}; yes to: {}",
                or_none(&clean(&raised.join(", ")))
            );
        }
    }
    if let Some(date) = r.assessed_by_clinician {
        let _ = writeln!(t, "Assessed by a clinician: {date}");
    }

    if let Some(patient) = &p.patient {
        for (label, value) in [
            ("Patient", &patient.name),
            ("Clinician", &patient.clinician),
            ("Clinic", &patient.clinic),
            ("Notes", &patient.notes),
        ] {
            if let Some(v) = value {
                let _ = writeln!(t, "{label}: {}", clean(v));
            }
        }
    }
    let o = &p.overrides;
    if !o.is_empty() {
        let _ = writeln!(t, "Overrides:");
        if let Some(n) = o.pinned_phase {
            let _ = writeln!(t, "  phase pinned at {n}");
        }
        if let Some(n) = o.pinned_walk_run_level {
            let _ = writeln!(t, "  walk-run level pinned at {n}");
        }
        for id in &o.added {
            let _ = writeln!(t, "  added: {}", clean(id));
        }
        for id in &o.removed {
            let _ = writeln!(t, "  removed: {}", clean(id));
        }
        for (old, new) in &o.replaced {
            let _ = writeln!(t, "  {} replaced by {}", clean(old), clean(new));
        }
        for (id, dose) in &o.doses {
            // Who set it and when, as every other view says it.
            let origin = crate::plan::ItemOrigin::Clinician(o.dose_set.get(id).cloned());
            let _ = writeln!(
                t,
                "  dose of {}: {} ({})",
                clean(id),
                dose.describe(),
                clean(&origin.describe())
            );
        }
        if let Some(c) = o.ceiling_exercise {
            let _ = writeln!(t, "  pain ceiling for exercise: {c}");
        }
        if let Some(c) = o.ceiling_running {
            let _ = writeln!(t, "  pain ceiling for running: {c}");
        }
    }
    t
}

fn or_none(text: &str) -> &str {
    if text.is_empty() { "none" } else { text }
}

fn set(ctx: &Ctx, args: &ProfileSetArgs) -> CmdResult {
    // Checked before the profile is opened, so an unknown condition changes nothing.
    if let Some(c) = &args.condition {
        condition_id(&ctx.catalog, c)?;
    }
    // Checked before anything is written, so a bad date changes nothing.
    let assessment = args
        .assessed_on
        .map(|date| crate::session::record_assessment(ctx.today, date, args.assessed_by.as_deref()))
        .transpose()
        .map_err(super::refused)?;
    // Checked first, so a bad value exits with its own code and writes nothing.
    args.patient.check()?;
    args.settings
        .apply(&ctx.catalog, &mut Settings::new(ctx.today), ctx.today)?;
    let mut open = super::open(ctx)?;
    let catalog = &ctx.catalog;
    let patch = profile_patch(catalog, &open.profile, args, ctx.today)?;
    // A start moved over days already over rewrites them: say which, and change nothing
    // without --yes (issue 27).
    let moved = crate::session::start_move(
        catalog,
        &open.profile,
        &patch.applied_to(&open.profile),
        open.journal.state(),
        ctx.today,
    );
    if !moved.is_empty() && !args.yes {
        return Err(Failure::usage(format!(
            "--start: {}\nNothing was changed; add --yes to move the start all the same.",
            moved.lines().join("\n")
        )));
    }
    let mut records = Vec::new();
    let mut said = Vec::new();
    if let Some(written) = assessment {
        records = written.records;
        said = written.said;
    }
    let change = open
        .apply(&crate::session::Change::patch(patch, records))
        .map_err(store_failure)?;
    let mut t = format!("Updated profile `{}`.\n", open.name);
    if let Some(line) = change.and_then(|c| c.applies_text(ctx.today)) {
        let _ = writeln!(t, "{line}");
    }
    for line in moved.lines() {
        let _ = writeln!(t, "{line}");
    }
    for line in &said {
        let _ = writeln!(t, "{line}");
    }
    t.push_str(&describe(ctx, &open.profile));
    if let Some(condition) = ctx.catalog.condition(&open.profile.condition) {
        for note in crate::plan::avoid_early_notes(&ctx.catalog, condition, &open.profile.overrides)
        {
            let _ = writeln!(t, "Note: {note}");
        }
    }
    t.push_str(&standing_of(ctx, &open));
    print(&t)
}

/// What `rehab profile set` changes of `profile`, each part only when a flag names it.
fn profile_patch(
    catalog: &Catalog,
    profile: &Profile,
    args: &ProfileSetArgs,
    today: jiff::civil::Date,
) -> Result<crate::profile::Patch, Failure> {
    let mut after = profile.clone();
    if let Some(c) = &args.condition {
        after.condition = condition_id(catalog, c)?;
    }
    args.settings.apply(catalog, &mut after.settings, today)?;
    apply_patient(&mut after.patient, &args.patient);
    apply_overrides(catalog, &mut after, args, today).map_err(Failure::data)?;
    Ok(crate::profile::Patch::between(profile, &after, today))
}

fn apply_overrides(
    catalog: &Catalog,
    p: &mut Profile,
    args: &ProfileSetArgs,
    today: jiff::civil::Date,
) -> Result<(), String> {
    use crate::plan::{OverrideChange, OverridePart};
    if args.clear_overrides {
        p.overrides = crate::plan::Overrides::default();
    }
    let condition = catalog.condition(&p.condition).ok_or_else(|| {
        format!(
            "the condition `{}` is not in the library",
            clean(&p.condition)
        )
    })?;
    let change = OverrideChange {
        pin_phase: args.pin_phase,
        pin_level: args.pin_level,
        ceiling_exercise: args.ceiling_exercise,
        ceiling_running: args.ceiling_running,
        add: args.add_exercise.clone(),
        remove: args.remove_exercise.clone(),
        replace: args.replace_exercise.clone(),
        doses: args.dose.clone(),
        set_by: Some(crate::plan::SetBy {
            by: p.patient.as_ref().and_then(|x| x.clinician.clone()),
            on: today,
        }),
    };
    // The same rule as the app's Profiles form; only the flag named differs.
    crate::plan::apply_override_change(catalog, condition, &mut p.overrides, &change).map_err(
        |(part, e)| {
            let flag = match part {
                OverridePart::PinPhase => "--pin-phase",
                OverridePart::PinLevel => "--pin-level",
                OverridePart::Ceiling => "--ceiling-exercise/--ceiling-running",
                OverridePart::Add => "--add-exercise",
                OverridePart::Remove => "--remove-exercise",
                OverridePart::Replace => "--replace-exercise",
                OverridePart::Dose => "--dose",
            };
            format!("{flag}: {e}")
        },
    )
}

/// The lines that stand for the profile today (advice, a clinician's review, a hold).
fn standing_of(ctx: &Ctx, open: &OpenProfile) -> String {
    let standing = crate::session::Standing::compute(
        &ctx.catalog,
        &open.profile,
        open.journal.state(),
        ctx.today,
    );
    super::today::standing_lines(&standing)
}
