//! The follow-up report laid out as plain text, Markdown or HTML: one or two printed pages.
//! Text from files is cleaned for text, escaped for Markdown, and escaped by maud for HTML.

use std::fmt::Write as _;

use maud::{DOCTYPE, Markup, PreEscaped, html};

use super::report::Report;
use crate::export::{Format, sparkline};
use crate::text::clean;

const TITLE: &str = "Follow-up report";
const GUIDANCE: &str = "Guidance, not a diagnosis: what was planned, logged and decided, for a \
    clinician to read before a visit.";

/// Renders the report; `ascii` applies to text only.
pub fn render_report(report: &Report, format: Format, ascii: bool) -> String {
    let out = match format {
        Format::Text => text(report, ascii),
        Format::Markdown => markdown(report),
        Format::Html => html_page(report).into_string() + "\n",
    };
    if ascii && format == Format::Text {
        crate::export::to_ascii(&out).into_owned()
    } else {
        out
    }
}

fn score(v: Option<u8>) -> String {
    v.map_or_else(|| "-".to_string(), |n| n.to_string())
}

/// "A. Runner · clinician B. Physio · Riverside Physio"
fn who(report: &Report) -> Option<String> {
    let p = report.patient.as_ref()?;
    let mut parts = Vec::new();
    if let Some(n) = &p.name {
        parts.push(format!("patient {n}"));
    }
    if let Some(n) = &p.clinician {
        parts.push(format!("clinician {n}"));
    }
    if let Some(n) = &p.clinic {
        parts.push(n.clone());
    }
    (!parts.is_empty()).then(|| parts.join(" · "))
}

/// "made 2026-11-25 · started 2026-11-02 · week 4 · weeks 1-4 shown"
fn made_line(report: &Report) -> String {
    let mut line = format!("made {} · program from {}", report.date, report.start);
    match report.week {
        Some(n) => {
            let _ = write!(line, " · now in week {n}");
        }
        None => line.push_str(" · not started yet"),
    }
    if let (Some(first), Some(last)) = (report.weeks.first(), report.weeks.last()) {
        let _ = write!(line, " · weeks {}-{} shown", first.week, last.week);
    }
    line
}

fn counts_text(w: &super::report::ReportWeek) -> String {
    let c = &w.counts;
    let mut t = format!("{} of {} done", c.done, c.planned);
    if c.partly > 0 {
        let _ = write!(t, ", {} partly", c.partly);
    }
    if c.skipped > 0 {
        let _ = write!(t, ", {} skipped", c.skipped);
    }
    t
}

fn pain_text(w: &super::report::ReportWeek) -> String {
    let mut t = format!(
        "pain during: median {}, worst {} · next morning: median {}",
        score(w.median_during),
        score(w.max_during),
        score(w.median_morning)
    );
    if w.warning_days > 0 {
        let _ = write!(
            t,
            " · {} with swelling, a limp or sharp pain",
            crate::text::count(w.warning_days, "day", "days")
        );
    }
    t
}

fn screening_text(s: &super::report::Screening) -> String {
    if s.yes.is_empty() {
        return "all answered no".to_string();
    }
    let yes: Vec<String> = s
        .yes
        .iter()
        .map(|(q, level)| format!("yes to \"{q}\" ({level})"))
        .collect();
    yes.join("; ")
}

fn assessment_text(date: &jiff::civil::Date, by: &Option<String>) -> String {
    match by {
        Some(name) => format!("{date}, by {name}"),
        None => date.to_string(),
    }
}

fn pain_series(report: &Report) -> (Vec<Option<u8>>, Vec<Option<u8>>) {
    let days = report.pain.iter().flat_map(|w| &w.pain);
    (
        days.clone().map(|p| p.during).collect(),
        days.map(|p| p.morning).collect(),
    )
}

// ---------------------------------------------------------------------------------------------
// Plain text

fn text(r: &Report, ascii: bool) -> String {
    let c = |s: &str| clean(s).into_owned();
    let mut t = String::new();
    let _ = writeln!(t, "{TITLE}: {} · {}", c(&r.profile), c(&r.condition));
    if let Some(who) = who(r) {
        let _ = writeln!(t, "{}", c(&who));
    }
    let _ = writeln!(t, "{}", made_line(r));
    let _ = writeln!(t, "{GUIDANCE}");
    if !r.standing.is_empty() || r.problem.is_some() {
        let _ = writeln!(t, "\nStanding now");
        for line in &r.standing {
            let _ = writeln!(t, "  ! {}", c(line));
        }
        if let Some(p) = &r.problem {
            let _ = writeln!(t, "  ! weeks not adapted from the journal: {}", c(p));
        }
    }
    let _ = writeln!(t, "\nWeeks: adherence, pain and each week's decision");
    if r.weeks.is_empty() {
        let _ = writeln!(t, "  nothing yet: the program starts on {}", r.start);
    }
    for w in &r.weeks {
        let _ = writeln!(
            t,
            "  Week {} (from {}) · {} · {} · {}",
            w.week,
            w.monday.strftime("%a %-d %b"),
            c(&w.phase),
            w.adherence.text(),
            counts_text(w)
        );
        let _ = writeln!(t, "    {}", pain_text(w));
        let _ = writeln!(t, "    {}", c(&w.decision));
        for f in &w.flags {
            let _ = writeln!(t, "    ! {}", c(f));
        }
    }
    let (during, morning) = pain_series(r);
    if during.iter().chain(&morning).any(Option::is_some) {
        let _ = writeln!(t, "\nPain by day, 0-10 (. not logged)");
        let _ = writeln!(t, "  during        {}", sparkline(&during, ascii));
        let _ = writeln!(t, "  next morning  {}", sparkline(&morning, ascii));
    }
    if !r.exercises.is_empty() {
        let _ = writeln!(t, "\nExercises over these weeks");
        let width = r
            .exercises
            .iter()
            .map(|e| c(&e.name).chars().count())
            .max()
            .unwrap_or(0)
            .clamp(8, 34);
        let _ = writeln!(
            t,
            "  {:<width$}  planned  done  partly  skipped",
            "exercise"
        );
        for e in &r.exercises {
            let name: String = c(&e.name).chars().take(width).collect();
            let _ = writeln!(
                t,
                "  {name:<width$}  {:>7}  {:>4}  {:>6}  {}",
                e.planned,
                e.done,
                e.partly,
                e.skipped_text()
            );
        }
    }
    if let Some(cur) = &r.current {
        let _ = writeln!(
            t,
            "\nNow: phase {} ({}), this week's doses",
            cur.number,
            c(&cur.name)
        );
        for (name, dose, instead) in &cur.doses {
            let _ = write!(t, "  {}: {}", c(name), c(dose));
            if let Some(i) = instead {
                let _ = write!(t, " ({})", c(i));
            }
            t.push('\n');
        }
    }
    if !r.changes.is_empty() {
        let _ = writeln!(t, "\nChanges to the plan");
        for change in &r.changes {
            let _ = writeln!(t, "  - {}", c(change));
        }
    }
    let _ = writeln!(t, "\nRed-flag answers");
    if r.screenings.is_empty() {
        let _ = writeln!(t, "  never answered");
    }
    for s in &r.screenings {
        let _ = writeln!(t, "  {}: {}", s.date, c(&screening_text(s)));
    }
    for (date, by) in &r.assessments {
        let _ = writeln!(
            t,
            "  clinician's assessment: {}",
            c(&assessment_text(date, by))
        );
    }
    if let Some(running) = &r.running {
        let _ = writeln!(t, "\nRunning (from a watch)");
        for (line, flags) in running.week_lines() {
            let _ = writeln!(t, "  {}", c(&line));
            for f in flags {
                let _ = writeln!(t, "    ! {}", c(&f));
            }
        }
        if let Some(line) = running.step_line() {
            let _ = writeln!(t, "  {}", c(&line));
        }
    }
    if !r.notes.is_empty() {
        let _ = writeln!(t, "\nNotes");
        for (date, note) in &r.notes {
            let note = clean(&note.replace('\n', " / ")).into_owned();
            let _ = writeln!(t, "  {date}: {note}");
        }
    }
    if !r.open_criteria.is_empty() {
        let _ = writeln!(t, "\nExit criteria still open");
        for o in &r.open_criteria {
            let _ = writeln!(t, "  {}", c(&o.title));
            for item in &o.criteria {
                let _ = writeln!(t, "    [ ] {}", c(item));
            }
        }
    }
    t
}

// ---------------------------------------------------------------------------------------------
// Markdown

/// Backslash-escapes Markdown and HTML punctuation so text from files stays text: cleaned, then
/// escaped as the printed plan escapes.
fn esc(text: &str) -> String {
    crate::export::markdown_escape(&clean(text))
}

fn markdown(r: &Report) -> String {
    let mut m = String::new();
    let _ = writeln!(
        m,
        "# {TITLE}: {} · {}\n",
        esc(&r.profile),
        esc(&r.condition)
    );
    if let Some(who) = who(r) {
        let _ = writeln!(m, "{}  ", esc(&who));
    }
    let _ = writeln!(m, "{}  \n*{GUIDANCE}*\n", made_line(r));
    if !r.standing.is_empty() || r.problem.is_some() {
        let _ = writeln!(m, "## Standing now\n");
        for line in &r.standing {
            let _ = writeln!(m, "- **{}**", esc(line));
        }
        if let Some(p) = &r.problem {
            let _ = writeln!(m, "- weeks not adapted from the journal: {}", esc(p));
        }
        m.push('\n');
    }
    let _ = writeln!(m, "## Weeks\n");
    if r.weeks.is_empty() {
        let _ = writeln!(m, "Nothing yet: the program starts on {}.\n", r.start);
    } else {
        let _ = writeln!(
            m,
            "| Week | Phase | Adherence | Logged | Pain during (median / worst) | Next morning (median) | Decision |"
        );
        let _ = writeln!(m, "| --- | --- | --- | --- | --- | --- | --- |");
        for w in &r.weeks {
            let mut decision = esc(&w.decision);
            for f in &w.flags {
                let _ = write!(decision, "<br>! {}", esc(f));
            }
            let _ = writeln!(
                m,
                "| {} (from {}) | {} | {} | {}{} | {} / {} | {} | {decision} |",
                w.week,
                w.monday,
                esc(&w.phase),
                w.adherence.short(),
                counts_text(w),
                if w.warning_days > 0 {
                    format!(
                        "; {} with warning signs",
                        crate::text::count(w.warning_days, "day", "days")
                    )
                } else {
                    String::new()
                },
                score(w.median_during),
                score(w.max_during),
                score(w.median_morning),
            );
        }
        m.push('\n');
    }
    let (during, morning) = pain_series(r);
    if during.iter().chain(&morning).any(Option::is_some) {
        let _ = writeln!(m, "## Pain by day (0-10, `.` not logged)\n");
        let _ = writeln!(m, "```text");
        let _ = writeln!(m, "during        {}", sparkline(&during, false));
        let _ = writeln!(m, "next morning  {}", sparkline(&morning, false));
        let _ = writeln!(m, "```\n");
    }
    if !r.exercises.is_empty() {
        let _ = writeln!(m, "## Exercises over these weeks\n");
        let _ = writeln!(m, "| Exercise | Planned | Done | Partly | Skipped |");
        let _ = writeln!(m, "| --- | ---: | ---: | ---: | --- |");
        for e in &r.exercises {
            let _ = writeln!(
                m,
                "| {} | {} | {} | {} | {} |",
                esc(&e.name),
                e.planned,
                e.done,
                e.partly,
                e.skipped_text()
            );
        }
        m.push('\n');
    }
    if let Some(cur) = &r.current {
        let _ = writeln!(
            m,
            "## Now: phase {} ({}), this week's doses\n",
            cur.number,
            esc(&cur.name)
        );
        for (name, dose, instead) in &cur.doses {
            let _ = write!(m, "- **{}**: {}", esc(name), esc(dose));
            if let Some(i) = instead {
                let _ = write!(m, " ({})", esc(i));
            }
            m.push('\n');
        }
        m.push('\n');
    }
    if !r.changes.is_empty() {
        let _ = writeln!(m, "## Changes to the plan\n");
        for change in &r.changes {
            let _ = writeln!(m, "- {}", esc(change));
        }
        m.push('\n');
    }
    let _ = writeln!(m, "## Red-flag answers\n");
    if r.screenings.is_empty() {
        let _ = writeln!(m, "- never answered");
    }
    for s in &r.screenings {
        let _ = writeln!(m, "- {}: {}", s.date, esc(&screening_text(s)));
    }
    for (date, by) in &r.assessments {
        let _ = writeln!(
            m,
            "- clinician's assessment: {}",
            esc(&assessment_text(date, by))
        );
    }
    m.push('\n');
    if let Some(running) = &r.running {
        let _ = writeln!(m, "## Running (from a watch)\n");
        for (line, flags) in running.week_lines() {
            let _ = writeln!(m, "- {}", esc(&line));
            for f in flags {
                let _ = writeln!(m, "  - **{}**", esc(&f));
            }
        }
        if let Some(line) = running.step_line() {
            let _ = writeln!(m, "- {}", esc(&line));
        }
        m.push('\n');
    }
    if !r.notes.is_empty() {
        let _ = writeln!(m, "## Notes\n");
        for (date, note) in &r.notes {
            let _ = writeln!(m, "- {date}: {}", esc(&note.replace('\n', " / ")));
        }
        m.push('\n');
    }
    if !r.open_criteria.is_empty() {
        let _ = writeln!(m, "## Exit criteria still open\n");
        for o in &r.open_criteria {
            let _ = writeln!(m, "**{}**\n", esc(&o.title));
            for item in &o.criteria {
                let _ = writeln!(m, "- [ ] {}", esc(item));
            }
            m.push('\n');
        }
    }
    while m.ends_with("\n\n") {
        m.pop();
    }
    m
}

// ---------------------------------------------------------------------------------------------
// HTML

/// A zero page margin, as the plan's, leaves a browser printing with its defaults no room for
/// its header and footer (the file path, date and time); the body's padding is the margin.
const CSS: &str = "\
@page { size: auto; margin: 0; }
body { font-family: 'DejaVu Sans', Arial, sans-serif; font-size: 9.5pt; line-height: 1.3; \
color: #000; background: #fff; max-width: 190mm; margin: 0 auto; padding: 0 1em; }
@media print { body { max-width: none; margin: 0; padding: 12mm; \
-webkit-box-decoration-break: clone; box-decoration-break: clone; } }
h1 { font-size: 14pt; margin: 0 0 0.2em; }
h2 { font-size: 11pt; margin: 0.9em 0 0.3em; border-bottom: 0.5pt solid #000; }
p, ul { margin: 0.2em 0; }
ul { padding-left: 1.2em; }
table { border-collapse: collapse; width: 100%; font-size: 8.5pt; }
th, td { border: 0.5pt solid #000; padding: 1.5pt 3pt; text-align: left; vertical-align: top; }
td.n { text-align: right; }
.standing li { font-weight: bold; }
.meta { font-size: 8.5pt; }
figure.pain-chart { margin: 0.3em 0; }
figure.pain-chart svg { width: 100%; max-height: 42mm; }
h2 { break-after: avoid; }
tr, li, figure { break-inside: avoid; }
";

fn html_page(r: &Report) -> Markup {
    let title = format!("{TITLE}: {} · {}", clean(&r.profile), clean(&r.condition));
    html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                title { (title) }
                style { (PreEscaped(CSS)) }
            }
            body {
                h1 { (title) }
                @if let Some(who) = who(r) { p.meta { (clean(&who)) } }
                p.meta { (made_line(r)) }
                p.meta { em { (GUIDANCE) } }
                @if !r.standing.is_empty() || r.problem.is_some() {
                    section {
                        h2 { "Standing now" }
                        ul.standing {
                            @for line in &r.standing { li { (clean(line)) } }
                            @if let Some(p) = &r.problem {
                                li { "weeks not adapted from the journal: " (clean(p)) }
                            }
                        }
                    }
                }
                (weeks_html(r))
                @if r.pain.iter().flat_map(|w| &w.pain).any(|p| p.during.is_some() || p.morning.is_some()) {
                    section {
                        h2 { "Pain by day" }
                        (crate::export::pain_chart_svg(&r.pain))
                    }
                }
                (exercises_html(r))
                (now_html(r))
                section {
                    h2 { "Red-flag answers" }
                    ul {
                        @if r.screenings.is_empty() { li { "never answered" } }
                        @for s in &r.screenings {
                            li { (s.date) ": " (clean(&screening_text(s))) }
                        }
                        @for (date, by) in &r.assessments {
                            li { "clinician's assessment: " (clean(&assessment_text(date, by))) }
                        }
                    }
                }
                @if let Some(running) = &r.running {
                    section {
                        h2 { "Running (from a watch)" }
                        ul {
                            @for (line, flags) in running.week_lines() {
                                li {
                                    (clean(&line))
                                    @if !flags.is_empty() {
                                        ul { @for f in &flags { li { strong { (clean(f)) } } } }
                                    }
                                }
                            }
                            @if let Some(line) = running.step_line() { li { (clean(&line)) } }
                        }
                    }
                }
                @if !r.notes.is_empty() {
                    section {
                        h2 { "Notes" }
                        ul {
                            @for (date, note) in &r.notes {
                                li { (date) ": " (clean(&note.replace('\n', " / "))) }
                            }
                        }
                    }
                }
                @if !r.open_criteria.is_empty() {
                    section {
                        h2 { "Exit criteria still open" }
                        @for o in &r.open_criteria {
                            p { strong { (clean(&o.title)) } }
                            ul {
                                @for item in &o.criteria { li { "☐ " (clean(item)) } }
                            }
                        }
                    }
                }
            }
        }
    }
}

fn weeks_html(r: &Report) -> Markup {
    html! {
        section {
            h2 { "Weeks" }
            @if r.weeks.is_empty() {
                p { "Nothing yet: the program starts on " (r.start) "." }
            } @else {
                table {
                    thead {
                        tr {
                            th { "Week" } th { "Phase" } th { "Adherence" } th { "Logged" }
                            th { "Pain during (median / worst)" } th { "Next morning (median)" }
                            th { "Decision" }
                        }
                    }
                    tbody {
                        @for w in &r.weeks {
                            tr {
                                td { (w.week) " (from " (w.monday) ")" }
                                td { (clean(&w.phase)) }
                                td.n { (w.adherence.short()) }
                                td {
                                    (counts_text(w))
                                    @if w.warning_days > 0 {
                                        "; " (crate::text::count(w.warning_days, "day", "days")) " with warning signs"
                                    }
                                }
                                td.n { (score(w.median_during)) " / " (score(w.max_during)) }
                                td.n { (score(w.median_morning)) }
                                td {
                                    (clean(&w.decision))
                                    @for f in &w.flags { br; "! " (clean(f)) }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

fn exercises_html(r: &Report) -> Markup {
    html! {
        @if !r.exercises.is_empty() {
            section {
                h2 { "Exercises over these weeks" }
                table {
                    thead {
                        tr { th { "Exercise" } th { "Planned" } th { "Done" } th { "Partly" } th { "Skipped" } }
                    }
                    tbody {
                        @for e in &r.exercises {
                            tr {
                                td { (clean(&e.name)) }
                                td.n { (e.planned) }
                                td.n { (e.done) }
                                td.n { (e.partly) }
                                td { (e.skipped_text()) }
                            }
                        }
                    }
                }
            }
        }
    }
}

fn now_html(r: &Report) -> Markup {
    html! {
        @if let Some(cur) = &r.current {
            section {
                h2 { "Now: phase " (cur.number) " (" (clean(&cur.name)) "), this week's doses" }
                ul {
                    @for (name, dose, instead) in &cur.doses {
                        li {
                            strong { (clean(name)) } ": " (clean(dose))
                            @if let Some(i) = instead { " (" (clean(i)) ")" }
                        }
                    }
                }
            }
        }
        @if !r.changes.is_empty() {
            section {
                h2 { "Changes to the plan" }
                ul { @for change in &r.changes { li { (clean(change)) } } }
            }
        }
    }
}
