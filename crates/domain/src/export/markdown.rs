//! GitHub-flavoured Markdown: tables for the week grids, `- [ ]` task boxes for each day.

use std::fmt::Write as _;

use super::model::ExportInput;
use super::reading::{WALK_RUN_GATE, day_label, grid_dose, long_date, year_of};
use super::{DISCLAIMER, chart};
use crate::plan::WeekPlan;

/// Backslash-escapes Markdown and HTML punctuation so library text stays text (the follow-up
/// report escapes with it too).
/// A checked web address as a Markdown autolink, `<...>`, with every character that any
/// renderer might read as Markdown inside it (brackets, which Python-Markdown turns into a link
/// before it sees the autolink; angle brackets, backticks, backslashes, quotes, spaces) and
/// everything outside ASCII percent-encoded, so the link is one link to that address everywhere.
pub(crate) fn autolink(url: &str) -> String {
    let mut out = String::with_capacity(url.len() + 2);
    out.push('<');
    for b in url.bytes() {
        let plain = b.is_ascii_alphanumeric()
            || matches!(
                b,
                b'-' | b'.'
                    | b'~'
                    | b':'
                    | b'/'
                    | b'?'
                    | b'#'
                    | b'@'
                    | b'!'
                    | b'$'
                    | b'&'
                    | b'+'
                    | b','
                    | b';'
                    | b'='
                    | b'%'
                    | b'_'
                    | b'('
                    | b')'
            );
        if plain {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out.push('>');
    out
}

pub fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '`'
                | '*'
                | '_'
                | '['
                | ']'
                | '<'
                | '>'
                | '|'
                | '#'
                | '&'
                | '!'
                | '~'
                | '{'
                | '}'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The plan as Markdown.
pub fn markdown(input: &ExportInput) -> String {
    let input = input.cleaned();
    let mut m = String::new();
    if input.options.sheet {
        sheet(&mut m, &input);
        return m;
    }
    header(&mut m, &input);
    stop_box(&mut m, &input);
    for (week, g) in input.weeks.iter().zip(&input.guidance) {
        grid(&mut m, &input, week);
        week_lines(&mut m, week, g);
        checklist(&mut m, &input, week);
    }
    education(&mut m, &input);
    checks(&mut m, &input);
    cards(&mut m, &input);
    rules_and_running(&mut m, &input);
    history(&mut m, &input);
    let _ = writeln!(m, "## Sources\n");
    for s in &input.sources {
        // Only a checked web address or DOI becomes a link; anything else is text.
        let link = match s.url.strip_prefix("doi:") {
            _ if s.url.starts_with("none") || crate::catalog::check_link(&s.url).is_err() => {
                esc(&s.url)
            }
            Some(doi) => autolink(&format!("https://doi.org/{doi}")),
            None => autolink(&s.url),
        };
        let _ = writeln!(
            m,
            "- \\[{}\\] {} ({}). {}. {}. {link}",
            esc(&s.key),
            esc(&s.authors),
            esc(&year_of(s)),
            esc(&s.title),
            esc(&s.published),
        );
    }
    clinician_note(&mut m, &input);
    m
}

fn week_lines(m: &mut String, week: &WeekPlan, g: &super::WeekGuidance) {
    let _ = writeln!(m, "Goal: {}\n", esc(&g.phase_goal));
    if let Some(why) = &g.shaped_by {
        let _ = writeln!(m, "Why this week: {}\n", esc(why));
    }
    if let Some(run) = super::week_running(week, g) {
        let _ = writeln!(m, "Running: {}\n", esc(&run));
    }
}

/// The one-page sheet: per week, the grid, the pain rules and the stop box.
fn sheet(m: &mut String, input: &ExportInput) {
    let _ = writeln!(m, "# Rehab plan: {}\n", esc(&input.condition.name));
    if let Some(name) = &input.patient.name {
        let _ = writeln!(m, "**Patient:** {}\n", esc(name));
    }
    for (week, g) in input.weeks.iter().zip(&input.guidance) {
        grid(m, input, week);
        week_lines(m, week, g);
        pain_rules(m, input);
        stop_box(m, input);
    }
}

fn stop_box(m: &mut String, input: &ExportInput) {
    let _ = writeln!(m, "> **STOP AND CALL**");
    let groups = input.flag_groups();
    for group in &groups {
        let _ = writeln!(m, ">\n> {}\n>", group.heading);
        for says in &group.flags {
            let _ = writeln!(m, "> - {}", esc(says));
        }
    }
    if groups.is_empty() {
        let _ = writeln!(m, ">\n> {}", super::NO_FLAGS);
    }
    m.push('\n');
}

fn education(m: &mut String, input: &ExportInput) {
    let Some(e) = &input.education else {
        return;
    };
    let _ = writeln!(
        m,
        "## About your knee\n\n{}\n",
        esc(&input.condition.summary)
    );
    for t in &e.topics {
        let _ = writeln!(m, "### {}\n", t.about.heading());
        for s in &t.says {
            let _ = writeln!(m, "- {} \\[{}\\]", esc(&s.text), esc(&s.sources.join(", ")));
        }
        m.push('\n');
    }
    if !input.condition.avoid_early.is_empty() {
        let _ = writeln!(m, "### Avoid early on\n");
        for a in &input.condition.avoid_early {
            let _ = writeln!(m, "- {}", esc(&a.text));
        }
        m.push('\n');
    }
}

fn check_table(m: &mut String, checks: &[crate::catalog::Check]) {
    let _ = writeln!(
        m,
        "| What is tested | Pass mark | Passed | Date |\n|---|---|:---:|---|"
    );
    for c in checks {
        let _ = writeln!(
            m,
            "| {} | {} | ☐ | \\_\\_\\_\\_\\_\\_ |",
            esc(&c.test),
            esc(&c.pass)
        );
    }
    m.push('\n');
}

fn checks(m: &mut String, input: &ExportInput) {
    if input.exit_checks.is_empty() && input.run_checks.is_empty() {
        return;
    }
    let _ = writeln!(
        m,
        "## Checks at your visits\n\nYour physiotherapist ticks each check when it is passed. \
         Move on to the next phase only when every check of this one is ticked and the weekly \
         review says progress.\n"
    );
    for p in &input.exit_checks {
        let _ = writeln!(
            m,
            "### Phase {} ({}): ready to move on\n",
            p.phase,
            esc(&p.name)
        );
        check_table(m, &p.checks);
    }
    if !input.run_checks.is_empty() {
        let _ = writeln!(m, "### Return-to-running checks\n\n{WALK_RUN_GATE}\n");
        check_table(m, &input.run_checks);
    }
}

fn clinician_note(m: &mut String, input: &ExportInput) {
    let note = input.clinician_note();
    if !input.options.clinician_note || note.is_empty() {
        return;
    }
    let _ = writeln!(
        m,
        "\n---\n\n## Clinician note\n\nFor the physiotherapist; not part of the patient's plan.\n"
    );
    for line in &note {
        let _ = writeln!(m, "- {}", esc(line));
    }
}

fn pain_rules(m: &mut String, input: &ExportInput) {
    let _ = writeln!(m, "## Pain rules\n\n- {}", esc(&input.ceiling_rule()));
    for rule in &input.pain_rules {
        let _ = writeln!(m, "- {}", esc(rule));
    }
    m.push('\n');
}

fn header(m: &mut String, input: &ExportInput) {
    let _ = writeln!(m, "# Rehab plan: {}\n", esc(&input.condition.name));
    let p = &input.patient;
    let field = |v: &Option<String>| v.as_deref().map_or("\\_\\_\\_\\_\\_\\_".to_string(), esc);
    let _ = writeln!(m, "| | |\n|---|---|");
    for (label, value) in [
        ("Patient", field(&p.name)),
        ("Clinician", field(&p.clinician)),
        ("Clinic", field(&p.clinic)),
        ("Date", long_date(input.date)),
        (
            "Condition",
            format!(
                "{} ({})",
                esc(&input.condition.name),
                esc(&input.condition.id)
            ),
        ),
        ("Plan", esc(&input.phase_and_week())),
    ] {
        let _ = writeln!(m, "| **{label}** | {value} |");
    }
    if let Some(notes) = &p.notes {
        let _ = writeln!(m, "| **Notes** | {} |", esc(notes));
    }
    let _ = writeln!(m, "\n*{}*\n", esc(DISCLAIMER));
    let _ = writeln!(m, "{}\n", esc(crate::plan::HOW_DAYS_COMBINE));
    let notices = input.notices();
    if !notices.is_empty() {
        let _ = writeln!(m, "**Please note**\n");
        for line in &notices {
            let _ = writeln!(m, "- {}", esc(line));
        }
        let _ = writeln!(m);
    }
}

fn grid(m: &mut String, input: &ExportInput, week: &WeekPlan) {
    let last = week.days.last().map_or(week.monday, |d| d.date);
    let _ = writeln!(
        m,
        "## Week {}: {} ({} to {})\n",
        week.state.week,
        esc(&week.phase_name),
        day_label(week.monday),
        day_label(last)
    );
    let _ = write!(m, "| # | Exercise | Dose |");
    for d in &week.days {
        let _ = write!(m, " {} |", day_label(d.date));
    }
    let _ = writeln!(m, "\n|---:|---|---|{}", ":---:|".repeat(7));
    for row in input.rows(week) {
        let name = input.card(row.card).map_or("", |e| e.name.as_str());
        let mut dose = esc(&grid_dose(&row.dose));
        if let Some((instead, why)) = &row.stands_in {
            let _ = write!(dose, "<br>in place of {}: {}", esc(instead), esc(why));
        }
        if row.optional {
            dose.push_str(" (optional)");
        }
        let _ = write!(m, "| {} | {} | {dose} |", row.card, esc(name));
        for (sessions, detail) in &row.days {
            let mut cell = vec!["☐"; *sessions as usize].join(" ");
            if let Some(detail) = detail {
                let _ = write!(cell, " {}", esc(detail));
            }
            let _ = write!(m, " {cell} |");
        }
        m.push('\n');
    }
    for label in ["Pain during (0-10)", "Next-morning pain (0-10)"] {
        let _ = writeln!(m, "| | {label} | |{}", " \\_\\_ |".repeat(7));
    }
    m.push('\n');
}

/// Each day's sessions as task boxes, so a Markdown viewer can tick them.
fn checklist(m: &mut String, input: &ExportInput, week: &WeekPlan) {
    for day in &week.days {
        let _ = writeln!(m, "**{}**\n", day_label(day.date));
        if day.is_rest() {
            let _ = writeln!(m, "- Rest day\n");
            continue;
        }
        for item in &day.items {
            let name = esc(input.name_of(&item.exercise));
            for session in 1..=item.sessions.max(1) {
                let which = if item.sessions > 1 {
                    format!(" (session {session})")
                } else {
                    String::new()
                };
                let _ = writeln!(m, "- [ ] {name}{which}: {}", esc(&item.dose.sets_text()));
            }
        }
        let _ = writeln!(m, "- Pain during: \\_\\_/10, next morning: \\_\\_/10\n");
    }
}

fn cards(m: &mut String, input: &ExportInput) {
    let _ = writeln!(m, "## Exercises\n");
    for (i, e) in input.exercises.iter().enumerate() {
        let n = i + 1;
        let _ = writeln!(m, "### Card {n}: {} ({})\n", esc(&e.name), e.kind.label());
        let dose = esc(&input.card_dose(n));
        let _ = writeln!(m, "**Dose:** {dose} ({})\n", input.card_origin(n));
        if !e.equipment.is_empty() {
            let list: Vec<&str> = e.equipment.iter().map(|q| q.label()).collect();
            let _ = writeln!(m, "**Equipment:** {}\n", list.join(", "));
        }
        for (k, step) in e.steps.iter().enumerate() {
            let _ = writeln!(m, "{}. {}", k + 1, esc(step));
        }
        m.push('\n');
        for (title, list) in [("Cues", &e.cues), ("Cautions", &e.cautions)] {
            if !list.is_empty() {
                let _ = writeln!(m, "**{title}:**\n");
                for item in list {
                    let _ = writeln!(m, "- {}", esc(item));
                }
                m.push('\n');
            }
        }
        let (easy, hurts) = input.easier_harder(e);
        if let Some(t) = easy {
            let _ = writeln!(m, "**When it gets easy:** {}\n", esc(&t));
        }
        if let Some(t) = hurts {
            let _ = writeln!(m, "**When it hurts:** {}\n", esc(&t));
        }
        let _ = writeln!(
            m,
            "*Source for card {n}: {} Evidence grade {:?}.*\n",
            esc(&input.source_line(&e.source)),
            e.evidence
        );
    }
}

fn rules_and_running(m: &mut String, input: &ExportInput) {
    pain_rules(m, input);
    let _ = writeln!(
        m,
        "## Running and cross-training\n\n{}\n",
        esc(&input.condition.run_guidance)
    );
    if input.starts_walk_run() {
        let _ = writeln!(m, "**{WALK_RUN_GATE}**\n");
    }
    for (i, (week, g)) in input.weeks.iter().zip(&input.guidance).enumerate() {
        let _ = writeln!(
            m,
            "**Week {} ({}):**\n",
            week.state.week,
            esc(&week.phase_name)
        );
        if let Some(t) = input.phase_run_text(i) {
            let _ = writeln!(m, "- {}", esc(t));
        }
        if let Some(level) = &g.walk_run {
            let _ = writeln!(
                m,
                "- Walk-run level {}: {} ({} min in all).",
                level.level,
                esc(&level.text),
                level.total_min
            );
        }
        if week.run_minutes > 0 {
            let _ = writeln!(
                m,
                "- Continuous running: {} min this week.",
                week.run_minutes
            );
        }
        if !g.cross_training.is_empty() {
            let names: Vec<String> = g.cross_training.iter().map(|c| esc(c)).collect();
            let _ = writeln!(m, "- Cross-training choices: {}.", names.join(", "));
        }
        m.push('\n');
    }
}

fn history(m: &mut String, input: &ExportInput) {
    let Some(weeks) = &input.history else {
        return;
    };
    let _ = writeln!(
        m,
        "## History\n\n| Week | Adherence | Pain during | Next morning | Decision |\n\
         |---:|---:|---|---|---|"
    );
    for w in weeks {
        let during: Vec<Option<u8>> = w.pain.iter().map(|p| p.during).collect();
        let morning: Vec<Option<u8>> = w.pain.iter().map(|p| p.morning).collect();
        let decision = input
            .decisions
            .iter()
            .find(|d| d.week == w.week)
            .map(|d| format!("{}: {}", d.decision.label(), esc(&d.reason)))
            .unwrap_or_default();
        let _ = writeln!(
            m,
            "| {} | {} | `{}` | `{}` | {decision} |",
            w.week,
            w.adherence_pct.map_or("-".into(), |p| format!("{p}%")),
            chart::sparkline(&during, false),
            chart::sparkline(&morning, false),
        );
    }
    m.push('\n');
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whatever a link holds, the autolink is one `<...>` with nothing a Markdown reader acts
    /// on inside: no brackets (Python-Markdown reads `[y](...)` before the autolink), no
    /// angle brackets, backticks, backslashes, quotes, spaces or non-ASCII.
    #[test]
    fn an_autolink_encodes_everything_markdown_could_read() {
        for url in [
            "https://example.org/(x)[y](javascript:alert(2))",
            "https://example.org/a>b<c `d` \\e \"f\" 'g' é\u{200B}\n",
            "https://www.example.org/article/S1063-4584(19)31116-1/fulltext",
        ] {
            let link = autolink(url);
            let inside = &link[1..link.len() - 1];
            assert!(link.starts_with('<') && link.ends_with('>'), "{link}");
            assert!(
                !inside.contains(['[', ']', '<', '>', '`', '\\', '"', '\'', ' ', '\n']),
                "{link}"
            );
            assert!(inside.is_ascii(), "{link}");
        }
        assert_eq!(
            autolink("https://example.org/(x)[y]"),
            "<https://example.org/(x)%5By%5D>"
        );
        // An ordinary address is left as it is.
        let plain = "https://pubmed.ncbi.nlm.nih.gov/1234/?a=b&c=d#e_f";
        assert_eq!(autolink(plain), format!("<{plain}>"));
    }
}
