//! `rehab runs` and `rehab runs import`: activities from a watch's files, and the weekly
//! running load.

use std::path::PathBuf;

use jiff::tz::TimeZone;

use super::args::{ActivityArg, RunsCommand};
use super::journal_cmds::{check_plan, let_go, open, store_failure};
use super::{CmdResult, Ctx, Failure, print};
use crate::journal::{ActivityKind, clock, km};
use crate::runs::load::RunPhase;
use crate::session::{RunningLoad, Standing, WeekChange};

/// `rehab runs [import ...]`.
pub fn runs(ctx: &Ctx, action: Option<RunsCommand>, weeks: u32) -> CmdResult {
    match action {
        Some(RunsCommand::Import { paths, tz, kind }) => import(ctx, &paths, tz.as_deref(), kind),
        None => list(ctx, weeks),
    }
}

/// The time zone asked for: a name from the system's database, `UTC`, or a fixed offset.
pub fn time_zone(text: Option<&str>) -> Result<TimeZone, Failure> {
    let Some(text) = text.map(str::trim) else {
        return Ok(TimeZone::system());
    };
    if text.eq_ignore_ascii_case("utc") || text == "Z" {
        return Ok(TimeZone::UTC);
    }
    if let Some(sign) = text.chars().next().filter(|c| *c == '+' || *c == '-') {
        let (h, m) = text[1..].split_once(':').unwrap_or((&text[1..], "0"));
        let parsed = h.parse::<i32>().ok().zip(m.parse::<i32>().ok());
        if let Some((h, m)) = parsed.filter(|(h, m)| *h <= 18 && *m < 60) {
            let secs = (h * 3600 + m * 60) * if sign == '-' { -1 } else { 1 };
            if let Ok(offset) = jiff::tz::Offset::from_seconds(secs) {
                return Ok(TimeZone::fixed(offset));
            }
        }
    }
    TimeZone::get(text).map_err(|_| {
        Failure::usage(format!(
            "--tz: `{}` is not a time zone (like Europe/London, UTC or +01:00)",
            crate::text::excerpt(text)
        ))
    })
}

fn kind_of(arg: ActivityArg) -> ActivityKind {
    match arg {
        ActivityArg::Run => ActivityKind::Run,
        ActivityArg::Cycle => ActivityKind::Cycle,
        ActivityArg::Swim => ActivityKind::Swim,
        ActivityArg::Walk => ActivityKind::Walk,
    }
}

/// `rehab runs import`: every file read and checked, then one write for all that is new.
fn import(ctx: &Ctx, paths: &[PathBuf], tz: Option<&str>, kind: Option<ActivityArg>) -> CmdResult {
    let tz = time_zone(tz)?;
    // A locked session reads standard input only, never a file on the server.
    if let Some(lock) = &ctx.lock
        && paths.iter().any(|p| p.as_os_str() != "-")
    {
        lock.permits(crate::clinic::Act::ReadFile)
            .map_err(|r| Failure::data(r.to_string()))?;
    }
    if paths.iter().filter(|p| p.as_os_str() == "-").count() > 1 {
        return Err(Failure::usage("give `-` (standard input) at most once"));
    }
    let mut open = open(ctx)?;
    check_plan(ctx, &open.profile, ctx.today)?;
    let files = crate::store::watch_files::read_watch_files(paths, &mut std::io::stdin().lock());
    let state = open.journal.state();
    let standing = Standing::compute(&ctx.catalog, &open.profile, state, ctx.today);
    let (written, counts) =
        standing.import_activities(&open.profile, state, &files, &tz, kind.map(kind_of));
    let saved = open.apply(&written.change()).map_err(store_failure);
    let_go(open);
    saved?;
    let text: String = written.said.iter().map(|l| format!("{l}\n")).collect();
    print(&text)?;
    if counts.refused > 0 {
        return Err(Failure::data(format!(
            "{} file(s) refused (see above); the others were imported",
            counts.refused
        )));
    }
    Ok(())
}

/// `rehab runs`: the weekly load, its flags, the step rate and the runs of those weeks.
fn list(ctx: &Ctx, weeks: u32) -> CmdResult {
    if weeks == 0 {
        return Err(Failure::usage("--weeks must be at least 1"));
    }
    let open = open(ctx)?;
    check_plan(ctx, &open.profile, ctx.today)?;
    let state = open.journal.state();
    let standing = Standing::compute(&ctx.catalog, &open.profile, state, ctx.today);
    let load = standing.running_load(&ctx.catalog, &open.profile, state, weeks);
    let mut t = load_text(&load);
    let from = load
        .rows
        .first()
        .and_then(|r| r.load.monday)
        .unwrap_or(ctx.today);
    let listed = state.activities_in(from..=ctx.today);
    if listed.is_empty() {
        t.push_str("\nNo runs imported in these weeks: `rehab runs import FILE...` reads GPX, TCX and FIT files.\n");
    } else {
        t.push_str("\nActivities:\n");
        for a in listed {
            let cross = if a.kind == ActivityKind::Run {
                ""
            } else {
                " (cross-training)"
            };
            let hilly = if a.kind == ActivityKind::Run && crate::runs::load::hilly(a) {
                " hilly"
            } else {
                ""
            };
            t.push_str(&format!("  {}  {}{cross}{hilly}\n", a.date, a.figures()));
        }
    }
    let_go(open);
    print(&t)
}

/// The weekly table, flags and step rate, as `rehab runs` and the report print them.
pub fn load_text(load: &RunningLoad) -> String {
    let mut t = String::from("Running load by week, against the mean of the 4 weeks before it:\n");
    t.push_str(&format!(
        "{:<10}  {:>4}  {:>7}  {:>9}  {:>7}  {:>9}  {:>6}  {:>5}  {}\n",
        "week of", "runs", "time", "distance", "before", "before", "change", "steps", "phase"
    ));
    for (n, r) in load.rows.iter().enumerate() {
        let w = &r.load;
        t.push_str(&format!(
            "{:<10}  {:>4}  {:>7}  {:>9}  {:>7}  {:>9}  {:>6}  {:>5}  {}\n",
            w.monday.map(|d| d.to_string()).unwrap_or_default(),
            w.runs,
            clock(w.moving_s),
            km(w.distance_m),
            clock(r.before_s),
            km(r.before_m),
            match load.change(n) {
                WeekChange::Rise(p) => format!("{p:+}%"),
                WeekChange::SoFar => "so far".into(),
                WeekChange::None => "-".into(),
            },
            w.cadence
                .map(|c| c.to_string())
                .unwrap_or_else(|| "-".into()),
            phase_word(r.phase),
        ));
        for f in &r.flags {
            t.push_str(&format!("  ! {f}\n"));
        }
    }
    match load.step_rate {
        Some(s) => {
            t.push_str(&format!(
                "Step rate: your baseline {} steps/min (median of your first runs with one)",
                s.baseline
            ));
            match s.target {
                Some((lo, hi)) => t.push_str(&format!(
                    "; target {lo}-{hi} (5-10% quicker, shorter steps; HEID11)\n"
                )),
                None => t.push('\n'),
            }
        }
        None => t.push_str("Step rate: no run with a step rate yet\n"),
    }
    t
}

fn phase_word(p: RunPhase) -> String {
    match p {
        RunPhase::None => "no running planned".into(),
        RunPhase::WalkRun(l) => format!("walk-run L{l}"),
        RunPhase::PainLimited => "running within pain rules".into(),
        RunPhase::Continuous => "continuous".into(),
    }
}
