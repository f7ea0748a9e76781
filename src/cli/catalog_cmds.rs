//! `conditions`, `exercises`, `show`, `sources`, `check`, `paths`.

use std::fmt::Write as _;
use std::path::PathBuf;

use super::{CmdResult, Ctx, Failure};
use crate::catalog::{Catalog, Exercise, Kind, did_you_mean};
use crate::store;

use super::print;

pub fn conditions(ctx: &Ctx) -> CmdResult {
    let mut text = String::new();
    for c in &ctx.catalog.conditions {
        let _ = writeln!(text, "{:<22} {:<28} {}", c.id, c.name, c.where_it_hurts);
    }
    print(&text)
}

/// Finds a condition by id or alias; an unknown one names the valid ids and the closest.
pub fn find_condition<'a>(
    catalog: &'a Catalog,
    id: &str,
) -> Result<&'a crate::catalog::Condition, Failure> {
    catalog.condition(id).ok_or_else(|| {
        let ids: Vec<&str> = catalog.conditions.iter().map(|c| c.id.as_str()).collect();
        let near = did_you_mean(id, ids.iter().copied());
        Failure::data(format!(
            "unknown condition `{id}`.{near} Valid ids: {}",
            ids.join(", ")
        ))
    })
}

/// Finds an exercise by id; an unknown one names the closest and how to list them all.
pub fn find_exercise<'a>(catalog: &'a Catalog, id: &str) -> Result<&'a Exercise, Failure> {
    catalog
        .find_exercise(id)
        .map_err(|e| Failure::data(format!("{e} `rehab exercises` lists the valid ids.")))
}

pub fn exercises(ctx: &Ctx, condition: Option<&str>, kind: Option<Kind>) -> CmdResult {
    let list: Vec<&Exercise> = match condition {
        Some(id) => ctx.catalog.exercises_for(find_condition(&ctx.catalog, id)?),
        None => ctx.catalog.exercises.iter().collect(),
    };
    let mut text = String::new();
    for e in list
        .into_iter()
        .filter(|e| kind.is_none_or(|k| e.kind == k))
    {
        let _ = writeln!(text, "{:<30} {:<15} {}", e.id, e.kind.label(), e.name);
    }
    print(&text)
}

pub fn show(ctx: &Ctx, id: &str, with_figure: bool) -> CmdResult {
    let e = find_exercise(&ctx.catalog, id)?;
    // For a person with a profile, their pain limits and their clinician's dose; without one,
    // the library's dose and words that point to the plan's limits.
    let profile = crate::store::profile::read_profile(&ctx.paths, &ctx.profile).ok();
    let (e, dose, origin) = crate::profile::exercise_page(&ctx.catalog, profile.as_ref(), e);
    let e = &e;
    let mut text = describe_exercise(&ctx.catalog, e, &dose, &origin);
    if with_figure && let Some(f) = ctx.catalog.figure(&e.id) {
        // After the first three lines (name, kind, equipment), before the dose.
        let art = figure_text(f, ctx.ascii);
        let at = text
            .match_indices('\n')
            .nth(2)
            .map_or(text.len(), |(i, _)| i + 1);
        text.insert_str(at, &art);
    }
    print(&text)
}

/// A figure drawn in characters, framed by blank lines, for `show` and `figures`.
fn figure_text(f: &crate::figure::Figure, ascii: bool) -> String {
    let scene = crate::figure::scene(f);
    let mut t = String::from("\n");
    for line in crate::figure::text::render(&scene, FIGURE_COLS, FIGURE_ROWS, ascii) {
        let _ = writeln!(t, "{}", format!("  {line}").trim_end());
    }
    if f.legs == crate::figure::Legs::One {
        let mark = if ascii { "@" } else { "the dot" };
        let _ = writeln!(t, "  ({mark} marks the knee of the working leg)");
    }
    t.push('\n');
    t
}

const FIGURE_COLS: usize = 70;
const FIGURE_ROWS: usize = 14;

/// `rehab figures`: every figure (or the ones named), as an HTML contact sheet or as text.
pub fn figures(
    ctx: &Ctx,
    ids: &[String],
    format: Option<crate::export::Format>,
    output: Option<&std::path::Path>,
    force: bool,
) -> CmdResult {
    use crate::export::Format;
    let output = output.filter(|p| p.as_os_str() != "-");
    let chosen: Vec<&Exercise> = if ids.is_empty() {
        ctx.catalog.exercises.iter().collect()
    } else {
        ids.iter()
            .map(|id| find_exercise(&ctx.catalog, id))
            .collect::<Result<_, _>>()?
    };
    let format = format.unwrap_or_else(|| output.map_or(Format::Text, Format::for_path));
    let rendered = match format {
        Format::Html => {
            let entries: Vec<(&str, &str, Option<&crate::figure::Figure>)> = chosen
                .iter()
                .map(|e| (e.name.as_str(), e.id.as_str(), ctx.catalog.figure(&e.id)))
                .collect();
            crate::figure::svg::contact_sheet(&entries)
        }
        Format::Text | Format::Markdown => {
            let mut t = String::new();
            for e in &chosen {
                let _ = writeln!(t, "{} ({})", e.name, e.id);
                match ctx.catalog.figure(&e.id) {
                    Some(f) => t.push_str(&figure_text(f, ctx.ascii)),
                    None => t.push_str("  (no figure)\n\n"),
                }
            }
            if format == Format::Markdown {
                t = format!("```text\n{t}```\n");
            }
            t
        }
    };
    match output {
        Some(path) => {
            crate::store::export::write_plan(path, &rendered, force)
                .map_err(|e| Failure::data(e.to_string()))?;
            print(&format!("wrote {}\n", path.display()))
        }
        None => print(&rendered),
    }
}

/// The whole exercise as plain text.
pub fn describe_exercise(
    catalog: &Catalog,
    e: &Exercise,
    dose: &crate::catalog::Dose,
    origin: &crate::plan::ItemOrigin,
) -> String {
    let mut t = String::new();
    let _ = writeln!(t, "{} ({})", e.name, e.id);
    let _ = writeln!(
        t,
        "Kind: {}    Targets: {}",
        e.kind.label(),
        e.targets.join(", ")
    );
    let equipment: Vec<&str> = e.equipment.iter().map(|q| q.label()).collect();
    let _ = writeln!(
        t,
        "Equipment: {}",
        if equipment.is_empty() {
            "none".into()
        } else {
            equipment.join(", ")
        }
    );
    let _ = writeln!(t, "Dose: {} ({})", dose.describe(), origin.describe());
    // A clinician's dose stands alone: the library's steps and blocks would contradict it.
    let own = matches!(origin, crate::plan::ItemOrigin::Library(_));
    if let Some(step) = e.weekly.as_ref().filter(|_| own) {
        let every = if step.every_weeks == 1 {
            "each week".to_string()
        } else {
            format!("every {} weeks", step.every_weeks)
        };
        let _ = writeln!(t, "Weekly step: +{} {every}, up to {}", step.add, step.cap);
    }
    for b in e.schedule.iter().filter(|_| own) {
        let _ = writeln!(
            t,
            "  from week {}: {} reps at {}",
            b.from_week,
            b.reps,
            crate::catalog::Weight::RepMax.describe(Some(b.reps))
        );
    }
    let _ = writeln!(t, "\nSteps:");
    for (i, s) in e.steps.iter().enumerate() {
        let _ = writeln!(t, "  {}. {s}", i + 1);
    }
    section(&mut t, "Cues", &e.cues);
    section(&mut t, "Cautions", &e.cautions);
    let link = |id: &Option<crate::catalog::Text>| {
        id.as_deref().map(|i| {
            catalog
                .exercise(i)
                .map_or(i.to_string(), |x| format!("{} ({i})", x.name))
        })
    };
    let _ = writeln!(t);
    match (link(&e.progression), &e.when_easy) {
        (Some(p), _) => {
            let _ = writeln!(t, "When it gets easy: {p}");
        }
        (None, Some(w)) => {
            let _ = writeln!(t, "When it gets easy: {w}");
        }
        _ => {}
    }
    match (link(&e.regression), &e.when_painful) {
        (Some(r), _) => {
            let _ = writeln!(t, "When it hurts: {r}");
        }
        (None, Some(w)) => {
            let _ = writeln!(t, "When it hurts: {w}");
        }
        _ => {}
    }
    if e.optional {
        let _ = writeln!(t, "Optional comfort work: it never counts toward progress.");
    }
    let _ = writeln!(t, "Evidence: grade {}", e.evidence.describe());
    for key in std::iter::once(&e.source).chain(&e.see_also) {
        match catalog.source(key) {
            Some(s) => {
                let _ = writeln!(
                    t,
                    "Source [{key}]: {}, {} ({}). {}. {}",
                    s.authors, s.title, s.year, s.published, s.url
                );
            }
            None => {
                let _ = writeln!(t, "Source [{key}]");
            }
        }
    }
    t
}

fn section(t: &mut String, title: &str, lines: &[crate::catalog::Text]) {
    if lines.is_empty() {
        return;
    }
    let _ = writeln!(t, "\n{title}:");
    for l in lines {
        let _ = writeln!(t, "  - {l}");
    }
}

pub fn sources(ctx: &Ctx) -> CmdResult {
    let mut t = String::new();
    for s in &ctx.catalog.sources {
        let _ = writeln!(
            t,
            "[{}] {} ({}). {}. {}. {}",
            s.key, s.authors, s.year, s.title, s.published, s.url
        );
        if let Some(note) = &s.note {
            let _ = writeln!(t, "    {note}");
        }
    }
    print(&t)
}

/// Validates the user library folder, or just the given files, on top of the built-in library.
pub fn check(ctx: &Ctx, paths: &[PathBuf]) -> CmdResult {
    let (files, mut problems) = if paths.is_empty() {
        store::read_library_dir(&ctx.paths.library)
    } else {
        store::read_library_files(paths)
    };
    match Catalog::load(&files) {
        Ok(loaded) => {
            problems.extend(crate::catalog::figures::builtin_problems(
                &loaded.catalog,
                &files,
            ));
            problems.extend(loaded.problems);
        }
        Err(builtin) => problems.extend(builtin),
    }
    if problems.is_empty() {
        let checked = if files.is_empty() {
            "the built-in library".to_string()
        } else {
            format!("the built-in library and {} file(s)", files.len())
        };
        print(&format!("ok: {checked} passed all checks\n"))
    } else {
        let count = problems.len();
        Err(Failure::data(format!(
            "{}\n{count} problem(s) found",
            super::join(&problems)
        )))
    }
}

pub fn paths(ctx: &Ctx) -> CmdResult {
    print(&format!(
        "config:  {}\ndata:    {}\nlibrary: {}\nprofile: {}\n",
        ctx.paths.config.display(),
        ctx.paths.data.display(),
        ctx.paths.library.display(),
        ctx.paths.profile_dir(&ctx.profile).display()
    ))
}
