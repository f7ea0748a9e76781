//! `rehab profile export | import`, `rehab report` and `rehab clinic`: parse, call
//! `handover` and `store`, show the result.

use std::fmt::Write as _;
use std::path::Path;

use super::args::ReportArgs;
use super::journal_cmds::{describe, standing_lines, store_failure};
use super::{CmdResult, Ctx, Failure, print, warn};
use crate::handover::{
    Prescription, check_prescription, clinic_text, format_prescription, parse_prescription,
};
use crate::store::prescription::{
    describe_read_error, import_profile, is_stdout, read_prescription, write_prescription,
};
use crate::store::{OpenProfile, StoreError};

/// `rehab profile export [NAME] [-o FILE]`.
pub fn export(ctx: &Ctx, name: Option<&str>, output: Option<&Path>, force: bool) -> CmdResult {
    let name = name.unwrap_or(&ctx.profile);
    let open = OpenProfile::open(&ctx.paths, name).map_err(store_failure)?;
    let prescription = Prescription::of(&open.profile, open.journal.state(), ctx.today);
    let text = format_prescription(&prescription);
    let output = output.filter(|p| !is_stdout(p));
    let shown = output.map_or_else(|| "(prescription)".to_string(), |p| p.display().to_string());
    // Checked as the receiving side will check it, so no file goes out that cannot come in.
    check_prescription(&ctx.catalog, &prescription, None, &text, &shown, ctx.today).map_err(
        |e| {
            Failure::data(format!(
                "profile `{name}` cannot be handed over as it is; nothing was written:\n{e}\n  \
             change the profile with `rehab profile set`, then export again"
            ))
        },
    )?;
    match output {
        None => print(&text),
        Some(path) => {
            write_prescription(path, &text, force).map_err(|e| Failure::data(e.to_string()))?;
            let mut t = format!(
                "wrote {}: the prescription of `{name}` (no red-flag answers: the person \
                 answers those when it is imported)\n",
                path.display()
            );
            if let Some(a) = &prescription.assessment {
                let _ = writeln!(t, "It carries the clinician's assessment of {}.", a.date);
            }
            print(&t)
        }
    }
}

/// `rehab profile import FILE [--as NAME] [--force] [--dry-run]`: checks everything before
/// anything is written.
pub fn import(ctx: &Ctx, file: &Path, name: Option<&str>, force: bool, dry_run: bool) -> CmdResult {
    let text = read_prescription(file).map_err(|e| Failure::data(describe_read_error(&e)))?;
    let shown = file.display().to_string();
    let refused = |e: crate::handover::PrescriptionError| {
        Failure::data(format!("{e}\n  nothing was imported"))
    };
    let prescription = parse_prescription(&text, &shown).map_err(refused)?;
    // Into a data folder with no profile, without --as, the file becomes the profile rehab
    // opens by default, so plain `rehab` and `rehab today` find it.
    let first = name.is_none()
        && crate::store::profile::list_profiles(&ctx.paths).is_ok_and(|names| names.is_empty());
    let name = if first {
        Some(ctx.profile.as_str())
    } else {
        name
    };
    let imported = check_prescription(&ctx.catalog, &prescription, name, &text, &shown, ctx.today)
        .map_err(refused)?;
    let new_name = imported.profile.name.clone();
    let mut t = String::new();
    let default_note = if first {
        let named = if prescription.name == new_name {
            String::new()
        } else {
            format!(
                "; the file named it `{}`",
                crate::text::clean(&prescription.name)
            )
        };
        format!(
            " It is the default profile (this data folder had none), so plain `rehab` opens \
             it{named}."
        )
    } else if new_name != ctx.profile {
        format!(
            " Give --profile {new_name} (or set REHAB_PROFILE={new_name}) to use it; without, \
             rehab uses profile `{}`.",
            crate::text::clean(&ctx.profile)
        )
    } else {
        String::new()
    };
    if dry_run {
        let _ = writeln!(
            t,
            "{shown} is a valid prescription. Importing it would create profile \
             `{new_name}`.{default_note}"
        );
        t.push_str(&describe(ctx, &imported.profile));
        if let Some(a) = &imported.assessment {
            let _ = writeln!(t, "and record a clinician's assessment on {}.", a.date);
        }
        let _ = writeln!(t, "Nothing was written (--dry-run).");
        return print(&t);
    }
    let done = import_profile(&ctx.paths, &imported, force).map_err(|e| match e {
        StoreError::Exists(n) => Failure::data(format!(
            "a profile `{n}` already exists; nothing was imported. Import under another name \
             with --as NAME, or add --force to replace its plan settings (its journal and \
             red-flag answers are kept)"
        )),
        e => store_failure(e),
    })?;
    let open = &done.open;
    if done.replaced {
        let _ = writeln!(
            t,
            "Replaced the plan settings of profile `{new_name}` from {shown}; its journal and \
             red-flag answers are kept."
        );
        if let Some(line) = done.settings_change.and_then(|c| c.applies_text(ctx.today)) {
            let _ = writeln!(t, "{line}");
        }
    } else {
        let _ = writeln!(
            t,
            "Created profile `{new_name}` in {} from {shown}.{default_note}",
            open.dir.display()
        );
    }
    t.push_str(&describe(ctx, &open.profile));
    if let Some(a) = &imported.assessment
        && !done.assessment_recorded
        && done.replaced
    {
        let _ = writeln!(
            t,
            "The file's assessment of {} was not recorded: an import never lifts a hold. The \
             clinician who assesses the knee records it in this profile.",
            a.date
        );
    }
    if done.assessment_recorded
        && let Some(a) = &imported.assessment
    {
        let by =
            a.by.as_deref()
                .map(|b| format!(" by {b}"))
                .unwrap_or_default();
        let _ = writeln!(
            t,
            "Recorded the clinician's assessment of {}{by}. It lifts a \"see a clinician first\" \
             answer only when dated on or after the answers.",
            a.date
        );
    }
    for note in &imported.notes {
        let _ = writeln!(t, "Note: {note}");
    }
    let standing = crate::session::Standing::compute(
        &ctx.catalog,
        &open.profile,
        open.journal.state(),
        ctx.today,
    );
    if standing.gate.allows_plan() {
        t.push_str(&standing_lines(&standing));
    } else {
        let pick = if new_name == ctx.profile {
            String::new()
        } else {
            format!(" --profile {new_name}")
        };
        let _ = writeln!(
            t,
            "Next: answer the red-flag questions with `rehab{pick} screen` (or in \
             `rehab{pick}`); there is no plan until then."
        );
    }
    print(&t)
}

/// `rehab report`: the current profile's follow-up report.
pub fn report(ctx: &Ctx, args: &ReportArgs) -> CmdResult {
    let open = OpenProfile::open(&ctx.paths, &ctx.profile).map_err(store_failure)?;
    super::journal_cmds::check_plan(ctx, &open.profile, ctx.today)?;
    for w in open.journal.warnings() {
        warn(&format!(
            "{}:{}: {}",
            open.journal.path().display(),
            w.line,
            w.message
        ));
    }
    let report = crate::handover::assemble_report(
        &ctx.catalog,
        &open.profile,
        open.journal.state(),
        ctx.today,
        args.weeks,
    );
    let rendered = crate::handover::render_report(&report, args.out.format(), ctx.ascii);
    super::deliver(&args.out, &rendered)
}

/// `rehab clinic`: every profile in the data folder, those needing attention first. Changes
/// nothing a person wrote; the caches beside each journal are brought up to date.
pub fn clinic(ctx: &Ctx) -> CmdResult {
    let rows = crate::store::overview::clinic_overview(&ctx.paths, &ctx.catalog, ctx.today)
        .map_err(store_failure)?;
    // The terminal's width when the shell says it; 80 otherwise (a pipe, a file).
    let width = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(80);
    print(&clinic_text(&rows, ctx.today, width))
}
