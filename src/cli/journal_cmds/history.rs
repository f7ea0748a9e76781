//! `rehab history` and `rehab export-data`.

use std::fmt::Write as _;

use serde::Serialize;

use super::{Failure, open, print, store_failure};
use crate::cli::args::DataFormat;
use crate::cli::{CmdResult, Ctx};
use jiff::civil::Date;

use crate::catalog::Catalog;
use crate::journal::{self, ItemStatus, JournalState, Record, WeekSummary};
use crate::profile::Profile;
use crate::text::clean;

/// `rehab history`: the last `weeks` weeks up to today, oldest first.
pub fn history(ctx: &Ctx, weeks: u32) -> CmdResult {
    if weeks == 0 {
        return Err(Failure::usage("--weeks must be at least 1"));
    }
    let open = open(ctx)?;
    super::check_plan(ctx, &open.profile, ctx.today)?;
    let text = history_text(
        &ctx.catalog,
        &open.profile,
        open.journal.state(),
        ctx.today,
        (weeks, ctx.ascii),
    )?;
    print(&text)
}

/// What `rehab history` prints: the last `weeks` weeks up to `today`, oldest first.
pub fn history_text(
    catalog: &Catalog,
    profile: &Profile,
    state: &JournalState,
    today: Date,
    (weeks, ascii): (u32, bool),
) -> Result<String, Failure> {
    let standing = crate::session::Standing::compute(catalog, profile, state, today);
    if let Some(e) = standing
        .plan_error
        .as_ref()
        .or(standing.calendar_only.as_ref())
    {
        return Err(Failure::data(e.clone()));
    }
    let outcomes = &standing.outcomes;
    if outcomes.is_empty() {
        return Err(Failure::data(format!(
            "the program starts on {}; nothing to show yet",
            profile.settings.start
        )));
    }
    let from = outcomes.len().saturating_sub(weeks as usize);
    let mut t = super::today::standing_lines(&standing);
    for outcome in &outcomes[from..] {
        let mut summary = journal::summarize_week(&outcome.plan, state, today);
        // The engine's figure, the one its decision line names.
        summary.adherence = outcome.numbers.adherence();
        week_text(ascii, &summary, &mut t);
        let _ = writeln!(t, "  {}", clean(&outcome.decision_line_on(today)));
        for flag in &outcome.flags {
            let _ = writeln!(t, "  ! {}", clean(&flag.text()));
        }
    }
    Ok(t)
}

fn week_text(ascii: bool, s: &WeekSummary, t: &mut String) {
    let score = |v: Option<u8>| v.map_or("-".to_string(), |n| n.to_string());
    let adherence = s.adherence.text();
    let _ = writeln!(
        t,
        "Week {} (from {}) · {} · {adherence}",
        s.week,
        s.monday.strftime("%a %-d %b"),
        clean(&s.phase_name)
    );
    let _ = writeln!(
        t,
        "  pain during: median {}, worst {} · next morning: median {}{}",
        score(s.median_during),
        score(s.max_during),
        score(s.median_morning),
        if s.warning_days > 0 {
            format!(
                " · {} with swelling, a limp or sharp pain",
                crate::text::count(s.warning_days, "day", "days")
            )
        } else {
            String::new()
        }
    );
    if !s.logged {
        let _ = writeln!(t, "  nothing logged");
    }
    for day in &s.days {
        let ticks: String = day
            .items
            .iter()
            .map(|(_, status)| match (status, ascii) {
                (Some(ItemStatus::Done { sets: None }), false) => '✓',
                (Some(ItemStatus::Done { sets: None }), true) => 'x',
                (Some(ItemStatus::Done { .. }), _) => 'p',
                (Some(ItemStatus::Skipped(_)), _) => 's',
                (None, false) => '·',
                (None, true) => '.',
            })
            .collect();
        let ticks = if ticks.is_empty() {
            "rest".to_string()
        } else {
            ticks
        };
        let pain = day
            .worst_during
            .map(|p| format!("  during {p}"))
            .unwrap_or_default();
        let morning = day
            .worst_morning
            .map(|m| format!("  next morning {m}"))
            .unwrap_or_default();
        let notes = if day.notes > 0 {
            format!(
                "  {}",
                crate::text::count(day.notes as u64, "note", "notes")
            )
        } else {
            String::new()
        };
        // Padded to "Mon 14": one- and two-digit days keep the ticks in one column.
        let line = format!(
            "  {:<6}  {ticks:<12}{pain}{morning}{notes}",
            day.date.strftime("%a %-d").to_string()
        );
        let _ = writeln!(t, "{}", line.trim_end());
    }
    let _ = writeln!(
        t,
        "  ({} done, p partial, s skipped, {} not done)",
        if ascii { "x" } else { "✓" },
        if ascii { "." } else { "·" }
    );
}

#[derive(Serialize)]
struct Export<'a> {
    profile: &'a Profile,
    records: &'a [Record],
}

/// `rehab export-data`: the profile and every record, for a backup or a spreadsheet.
pub fn export_data(ctx: &Ctx, format: DataFormat) -> CmdResult {
    let open = open(ctx)?;
    let records = open.journal.read_records().map_err(store_failure)?;
    let export = Export {
        profile: &open.profile,
        records: &records,
    };
    let text = match format {
        DataFormat::Ron => {
            let config = ron::ser::PrettyConfig::new().struct_names(true);
            ron::ser::to_string_pretty(&export, config).map_err(|e| Failure::data(e.to_string()))?
                + "\n"
        }
        DataFormat::Json => json_text(&open.profile, &records)?,
        DataFormat::Csv => csv_text(&records).map_err(store_failure)?,
    };
    print(&text)
}

/// `rehab export-data --format json`: the profile and every record, as one JSON object.
pub fn json_text(profile: &Profile, records: &[Record]) -> Result<String, Failure> {
    let export = Export { profile, records };
    Ok(serde_json::to_string_pretty(&export).map_err(|e| Failure::data(e.to_string()))? + "\n")
}

/// `rehab export-data --format csv`: one row per record. Text cells that a spreadsheet would run as a formula get a leading `'`.
pub fn csv_text(records: &[Record]) -> Result<String, crate::store::StoreError> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let io = |e: csv::Error| crate::store::StoreError::Invalid(e.to_string());
    w.write_record([
        "date", "kind", "item", "sets", "reason", "during", "morning", "swelling", "limp", "sharp",
        "met", "text",
    ])
    .map_err(io)?;
    let num = |n: Option<u32>| n.map(|n| n.to_string()).unwrap_or_default();
    let flag = |b: Option<bool>| b.map(|b| b.to_string()).unwrap_or_default();
    for r in records {
        let mut row = vec![String::new(); 12];
        row[0] = r.date().to_string();
        row[1] = r.kind().to_string();
        row[2] = r.item().map(safe_cell).unwrap_or_default();
        match r {
            Record::Done { sets, .. } => row[3] = num(*sets),
            Record::Skipped { reason, .. } => row[4] = reason.label().to_string(),
            Record::Pain { report, .. } => {
                row[5] = num(report.during.map(u32::from));
                row[6] = num(report.morning.map(u32::from));
                row[7] = flag(report.swelling);
                row[8] = flag(report.limp);
                row[9] = flag(report.sharp);
            }
            Record::Note { text, .. } => row[11] = safe_cell(text),
            Record::Screened { answers, .. } => {
                let yes: Vec<&str> = answers
                    .iter()
                    .filter(|(_, y)| **y)
                    .map(|(id, _)| id.as_str())
                    .collect();
                row[11] = safe_cell(&format!("yes: {}", yes.join(" ")));
            }
            Record::Criteria { id, met, .. } => {
                row[2] = safe_cell(id);
                row[10] = met.to_string();
            }
            Record::Assessed { by, .. } => {
                row[11] = by.as_deref().map(safe_cell).unwrap_or_default();
            }
            Record::Undone { .. } => {}
            Record::Activity(a) => {
                row[2] = a.kind.label().to_string();
                row[11] = format!("{}, started {}", a.figures(), a.start);
            }
        }
        w.write_record(&row).map_err(io)?;
    }
    let bytes = w.into_inner().map_err(|e| io(e.into_error().into()))?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

fn safe_cell(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}
