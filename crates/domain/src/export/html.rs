//! One self-contained HTML file (inline CSS, no scripts, no fetches) for the browser's print:
//! fits A4 and US Letter, never splits a card or a week grid, needs no colour.

use maud::{DOCTYPE, Markup, PreEscaped, html as maud_html};

use super::DISCLAIMER;
use super::model::{ExportInput, WeekHistory};
use super::reading::{WALK_RUN_GATE, day_label, grid_dose, long_date, year_of};
use crate::plan::WeekPlan;

/// A paper size to force with CSS `@page`; without one the printer's default applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Paper {
    A4,
    Letter,
}

/// The plan as HTML, sized for whatever paper the printer uses.
pub fn html(input: &ExportInput) -> String {
    html_for_paper(input, None)
}

const STYLE: &str = include_str!("plan.css");

/// The plan as HTML with the page size fixed to `paper`.
pub fn html_for_paper(input: &ExportInput, paper: Option<Paper>) -> String {
    let input = input.cleaned();
    let page = match paper {
        None => "",
        Some(Paper::A4) => "@page { size: A4; }",
        Some(Paper::Letter) => "@page { size: letter; }",
    };
    let title = format!("Rehab plan: {}", input.condition.name);
    if input.options.sheet {
        return sheet(&input, &title, page);
    }
    maud_html! {
        (DOCTYPE)
        html lang="en" {
            (head(&title, page))
            // The patient's part first (details, stop box, rules, the weeks), then the cards
            // several to a page, then what to read: each block is kept whole on its page.
            body.handout {
                (header(&input, &title))
                (stop_box(&input))
                (rules_and_running(&input))
                @if !input.weeks.is_empty() {
                    p.tick-how { "Tick a box for each session done; write pain 0-10 each day." }
                }
                @for week in &input.weeks { (grid(&input, week)) }
                (cards(&input))
                (education(&input))
                (checks(&input))
                @if let Some(history) = &input.history { (history_section(&input, history)) }
                (sources(&input))
                (clinician_note(&input))
            }
        }
    }
    .into_string()
}

fn header(input: &ExportInput, title: &str) -> Markup {
    let p = &input.patient;
    let field = |v: &Option<String>| v.clone().unwrap_or_default();
    maud_html! {
        header {
            h1 { (title) }
            dl.fields {
                div { dt { "Patient" } dd { (field(&p.name)) } }
                div { dt { "Clinician" } dd { (field(&p.clinician)) } }
                div { dt { "Clinic" } dd { (field(&p.clinic)) } }
                div { dt { "Date" } dd { (long_date(input.date)) } }
                div {
                    dt { "Condition" }
                    dd { (input.condition.name) " (" (input.condition.id) ")" }
                }
                div { dt { "Plan" } dd { (input.phase_and_week()) } }
            }
            @if let Some(notes) = &p.notes { p.notes { strong { "Notes: " } (notes) } }
            p.disclaimer { (DISCLAIMER) }
            p.days { (crate::plan::HOW_DAYS_COMBINE) }
            @let notices = input.notices();
            @if !notices.is_empty() {
                section.standing {
                    h2 { "Please note" }
                    ul { @for line in &notices { li { (line) } } }
                }
            }
        }
    }
}

fn stop_box(input: &ExportInput) -> Markup {
    let groups = input.flag_groups();
    maud_html! {
        section.stop {
            h2 { "Stop and call" }
            @for group in &groups {
                p.level { (group.heading) }
                ul { @for says in &group.flags { li { (says) } } }
            }
            @if groups.is_empty() { p { (super::NO_FLAGS) } }
        }
    }
}

/// The document head both layouts share: the title and the inline style (no fetches).
fn head(title: &str, page: &str) -> Markup {
    maud_html! {
        head {
            meta charset="utf-8";
            meta name="viewport" content="width=device-width, initial-scale=1";
            title { (title) }
            style { (PreEscaped(STYLE)) (PreEscaped(page)) }
        }
    }
}

/// The one-page sheet: per week, the grid, the pain rules and the stop box on one page.
fn sheet(input: &ExportInput, title: &str, page: &str) -> String {
    let p = &input.patient;
    maud_html! {
        (DOCTYPE)
        html lang="en" {
            (head(title, page))
            body.sheet {
                @for week in &input.weeks {
                    section.page {
                        p.sheet-head { strong { (title) } @if let Some(name) = &p.name { " - " (name) } }
                        (grid(input, week))
                        section.rules {
                            h2 { "Pain rules" }
                            ul { li { (input.ceiling_rule()) } @for r in &input.pain_rules { li { (r) } } }
                        }
                        (stop_box(input))
                    }
                }
            }
        }
    }
    .into_string()
}

fn education(input: &ExportInput) -> Markup {
    let Some(e) = &input.education else {
        return maud_html! {};
    };
    maud_html! {
        section.education {
            h2 { "About your knee" }
            p.summary { (input.condition.summary) }
            // Its own box for the columns, so the heading above stays with the text.
            div.topics {
            @for t in &e.topics {
                div.topic {
                    h3 { (t.about.heading()) }
                    ul {
                        @for s in &t.says {
                            li { (s.text) " " span.keys { "[" (s.sources.join(", ")) "]" } }
                        }
                    }
                }
            }
            @if !input.condition.avoid_early.is_empty() {
                div.topic {
                    h3 { "Avoid early on" }
                    ul { @for a in &input.condition.avoid_early { li { (a.text) } } }
                }
            }
            }
        }
    }
}

/// The exit checks and the return-to-running checks as a table to tick at a visit.
fn checks(input: &ExportInput) -> Markup {
    if input.exit_checks.is_empty() && input.run_checks.is_empty() {
        return maud_html! {};
    }
    let table = |rows: &[crate::catalog::Check]| {
        maud_html! {
            table.checks {
                colgroup { col.test; col.pass; col.tick; col.date; }
                thead { tr { th { "What is tested" } th { "Pass mark" } th { "Passed" } th { "Date" } } }
                tbody {
                    @for c in rows {
                        tr { td { (c.test) } td { (c.pass) } td.tick { span.box {} } td.date {} }
                    }
                }
            }
        }
    };
    maud_html! {
        section.checks {
            h2 { "Checks at your visits" }
            p { "Your physiotherapist ticks each check when it is passed. Move on to the next phase \
                only when every check of this one is ticked and the weekly review says progress." }
            @for p in &input.exit_checks {
                div.checklist {
                    h3 { "Phase " (p.phase) " (" (p.name) "): ready to move on" }
                    (table(&p.checks))
                }
            }
            @if !input.run_checks.is_empty() {
                div.checklist {
                    h3 { "Return-to-running checks" }
                    p { (WALK_RUN_GATE) }
                    (table(&input.run_checks))
                }
            }
        }
    }
}

/// What the clinician must know about the plan, once, on its own page so it can be left out.
fn clinician_note(input: &ExportInput) -> Markup {
    let note = input.clinician_note();
    if !input.options.clinician_note || note.is_empty() {
        return maud_html! {};
    }
    maud_html! {
        section.clinician {
            h2 { "Clinician note" }
            p { "For the physiotherapist; not part of the patient's plan (printed because it was \
                asked for: give the patient the pages before this one)." }
            ul { @for line in &note { li { (line) } } }
        }
    }
}

fn grid(input: &ExportInput, week: &WeekPlan) -> Markup {
    let last = week.days.last().map_or(week.monday, |d| d.date);
    let index = input
        .weeks
        .iter()
        .position(|w| w.state.week == week.state.week)
        .unwrap_or(0);
    let guidance = input.guidance.get(index);
    let goal = guidance.map(|g| g.phase_goal.as_str());
    let shaped_by = guidance.and_then(|g| g.shaped_by.as_deref());
    let running = guidance.and_then(|g| super::week_running(week, g));
    let same_phase = index > 0
        && input
            .weeks
            .get(index - 1)
            .is_some_and(|w| w.state.phase == week.state.phase);
    maud_html! {
        section.week data-week=(week.state.week) {
            // The handout gives the dates once in the title and only the day in the columns;
            // the sheet keeps its own line and full dates (its layout is fixed).
            h2 { "Week " (week.state.week) ": " (week.phase_name)
                span.range { " (" (day_label(week.monday)) " to " (day_label(last)) ")" } }
            p.dates { (day_label(week.monday)) " to " (day_label(last))
                " - tick a box for each session done; write pain 0-10 each day." }
            table.grid {
                colgroup { col.num; col.name; @for _ in 0..7 { col.day; } }
                thead { tr {
                    th { "#" } th { "Exercise and dose" }
                    @for d in &week.days {
                        th { (crate::plan::Day::of(d.date).short()) " " (d.date.strftime("%-d"))
                            span.month { " " (d.date.strftime("%b")) } }
                    }
                } }
                tbody {
                    @for row in input.rows(week) {
                        tr.exercise {
                            td.num { (row.card) }
                            td.name {
                                strong { (input.card(row.card).map_or("", |e| e.name.as_str())) }
                                br;
                                span.dose { (grid_dose(&row.dose)) }
                                @if row.optional { " (optional)" }
                                @if let Some((instead, why)) = &row.stands_in {
                                    br; span.instead { "in place of " (instead) ": " (why) }
                                }
                            }
                            @for (sessions, detail) in &row.days {
                                td.day {
                                    @for _ in 0..*sessions { span.box {} }
                                    @if let Some(detail) = detail { br; span.detail { (detail) } }
                                }
                            }
                        }
                    }
                }
                tfoot {
                    @for label in ["Pain during (0-10)", "Next-morning pain (0-10)"] {
                        tr.pain { td {} th scope="row" { (label) } @for _ in 0..7 { td.write {} } }
                    }
                }
            }
            // The handout says a phase's goal once; the sheet, a page per week, on each page.
            @if let Some(goal) = goal {
                p.goal.repeat[same_phase] { strong { "Goal: " } (goal) }
            }
            @if let Some(why) = shaped_by { p.goal { strong { "Why this week: " } (why) } }
            @if let Some(run) = running { p.run { strong { "Running: " } (run) } }
        }
    }
}

/// Cards at most this many cues: more is more than a patient reads at the exercise.
const MAX_CUES: usize = 3;

fn cards(input: &ExportInput) -> Markup {
    maud_html! {
        section.cards {
            h2 { "Exercises" }
            @if !input.figures.is_empty() {
                p.figure-key { "In the drawings the black leg with a dot is the one that works; \
                    grey limbs are the far side, and an arrow shows the movement." }
            }
            div.card-grid {
                @for (i, e) in input.exercises.iter().enumerate() {
                    @let n = i + 1;
                    @let (easy, hurts) = input.easier_harder(e);
                    article.card id={ "card-" (n) } {
                        h3 { "Card " (n) ": " (e.name) span.kind { " (" (e.kind.label()) ")" } }
                        div.card-body {
                            div.figure {
                                @if let Some(f) = input.figures.get(e.id.as_str()) {
                                    (PreEscaped(crate::figure::svg::poses_html(f, 56.0, 30.0)))
                                }
                            }
                            div.how {
                                p.dose { strong { "Dose: " }
                                    (input.card_dose(n))
                                    " " span.origin { "(" (input.card_origin(n)) ")" }
                                }
                                @if !e.equipment.is_empty() {
                                    p { strong { "Equipment: " }
                                        (e.equipment.iter().map(|q| q.label()).collect::<Vec<_>>().join(", ")) }
                                }
                                ol.steps { @for s in &e.steps { li { (s) } } }
                            }
                            div.tips {
                                @if !e.cues.is_empty() {
                                    p { strong { "Cues: " } (run_in(e.cues.iter().take(MAX_CUES))) }
                                }
                                @if !e.cautions.is_empty() {
                                    p { strong { "Cautions: " } (run_in(e.cautions.iter())) }
                                }
                                @if let Some(t) = easy { p { strong { "When it gets easy: " } (t) } }
                                @if let Some(t) = hurts { p { strong { "When it hurts: " } (t) } }
                                p.source { "Source for card " (n) ": [" (e.source) "]. Evidence \
                                    grade " (format!("{:?}", e.evidence)) "." }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// Short items as one paragraph, each ending in a full stop: a card's cues or cautions take
/// a line or two instead of a list each.
fn run_in<'a>(items: impl Iterator<Item = &'a crate::catalog::Text>) -> String {
    items
        .map(|t| {
            let t = t.trim();
            if t.ends_with(['.', '!', '?']) {
                t.to_string()
            } else {
                format!("{t}.")
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// At most three authors, then "et al.", as a short reference gives them.
fn short_authors(authors: &str) -> String {
    let names: Vec<&str> = authors
        .split(", ")
        .filter(|n| !n.starts_with("et al"))
        .collect();
    if names.len() > 3 || authors.contains("et al") {
        format!("{}, et al.", names[..names.len().min(3)].join(", "))
    } else {
        authors.to_string()
    }
}

/// Short references (authors, year, where published; the DOI and the like are left to
/// `rehab sources`) for the keys the handout cites.
fn sources(input: &ExportInput) -> Markup {
    if input.sources.is_empty() {
        return maud_html! {};
    }
    maud_html! {
        section.sources {
            h2 { "Sources" }
            ul {
                @for s in &input.sources {
                    li { "[" (s.key) "] " (short_authors(&s.authors)) " (" (year_of(s)) "). "
                        (s.published.split("; ").next().unwrap_or_default()) "." }
                }
            }
        }
    }
}

fn rules_and_running(input: &ExportInput) -> Markup {
    // Each phase's running advice and cross-training once; the week grids say each week's runs.
    let phases: Vec<usize> = (0..input.weeks.len())
        .filter(|&i| i == 0 || input.weeks[i - 1].state.phase != input.weeks[i].state.phase)
        .collect();
    maud_html! {
        section.rules {
            h2 { "Pain rules" }
            ul { li { (input.ceiling_rule()) } @for r in &input.pain_rules { li { (r) } } }
        }
        section.running {
            h2 { "Running and cross-training" }
            p { (input.condition.run_guidance) }
            @if input.starts_walk_run() { p { strong { (WALK_RUN_GATE) } } }
            ul {
                @for &i in &phases {
                    @let week = &input.weeks[i];
                    @let g = &input.guidance[i];
                    @if input.phase_run_text(i).is_some() || !g.cross_training.is_empty() {
                        li.week-guidance {
                            strong { (week.phase_name) " (from week " (week.state.week) "): " }
                            @if let Some(t) = input.phase_run_text(i) { (t) " " }
                            @if !g.cross_training.is_empty() {
                                "Cross-training choices: " (g.cross_training.join(", ")) "."
                            }
                        }
                    }
                }
            }
        }
    }
}

fn history_section(input: &ExportInput, history: &[WeekHistory]) -> Markup {
    maud_html! {
        section.history {
            h2 { "History" }
            table.adherence {
                thead { tr { th { "Week" } th { "Adherence" } th { "Decision" } } }
                tbody {
                    @for w in history {
                        tr {
                            td { (w.week) " (" (long_date(w.monday)) ")" }
                            td { @if let Some(p) = w.adherence_pct { (p) "%" } @else { "-" } }
                            @let decision = input.decisions.iter().find(|d| d.week == w.week);
                            td { @if let Some(d) = decision {
                                strong { (d.decision.label()) } ": " (d.reason)
                            } }
                        }
                    }
                }
            }
            (super::chart::svg(history))
        }
    }
}
