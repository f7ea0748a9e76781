//! Plain text for a terminal or `lp`: at most [`TEXT_WIDTH`] columns, ASCII-only on request.

mod sections;

use std::fmt::Write as _;

use textwrap::Options;

use super::model::{ExportInput, GridRow};
use super::reading::{day_label, grid_dose, long_date};
use super::{DISCLAIMER, NO_FLAGS};
use crate::plan::WeekPlan;
use sections::{cards, checks, clinician_note, education, history, pain_rules, running, sources};

/// No line of the text plan is wider than this.
pub const TEXT_WIDTH: usize = 80;

/// Width of the exercise-name column of a week grid.
const NAME_COLUMN: usize = 26;
/// Width of one day column.
const DAY_COLUMN: usize = 7;

/// Box-drawing and rule characters; ASCII ones for `--ascii`.
struct Glyphs {
    rule: char,
    heavy: char,
    corner: [char; 4],
    side: char,
    bullet: &'static str,
}

const UNICODE: Glyphs = Glyphs {
    rule: '─',
    heavy: '═',
    corner: ['┌', '┐', '└', '┘'],
    side: '│',
    bullet: "•",
};

const ASCII: Glyphs = Glyphs {
    rule: '-',
    heavy: '=',
    corner: ['+', '+', '+', '+'],
    side: '|',
    bullet: "-",
};

struct Out {
    text: String,
    g: &'static Glyphs,
    ascii: bool,
}

impl Out {
    fn line(&mut self, line: &str) {
        self.text.push_str(line.trim_end());
        self.text.push('\n');
    }

    fn blank(&mut self) {
        self.text.push('\n');
    }

    /// Wrapped to the width, the first line after `first`, the rest after `rest`.
    fn wrap(&mut self, first: &str, rest: &str, body: &str) {
        let options = Options::new(TEXT_WIDTH)
            .initial_indent(first)
            .subsequent_indent(rest);
        for l in textwrap::wrap(body, options) {
            self.line(&l);
        }
    }

    fn bullet(&mut self, indent: usize, body: &str) {
        let first = format!("{}{} ", " ".repeat(indent), self.g.bullet);
        let rest = " ".repeat(indent + 2);
        self.wrap(&first, &rest, body);
    }

    fn heading(&mut self, title: &str) {
        self.blank();
        self.line(title);
        self.line(&self.g.rule.to_string().repeat(TEXT_WIDTH));
    }
}

/// The plan as text. With `ascii`, every character is ASCII.
pub fn text(input: &ExportInput, ascii: bool) -> String {
    let input = if ascii {
        input.ascii()
    } else {
        input.cleaned()
    };
    let mut o = Out {
        text: String::new(),
        g: if ascii { &ASCII } else { &UNICODE },
        ascii,
    };
    if input.options.sheet {
        o.wrap(
            "",
            "  ",
            &format!("REHAB PLAN: {}", input.condition.name.to_uppercase()),
        );
        if let Some(name) = &input.patient.name {
            o.wrap("Patient: ", "  ", name);
        }
        for (week, guidance) in input.weeks.iter().zip(&input.guidance) {
            grid(&mut o, &input, week);
            week_lines(&mut o, week, guidance);
            pain_rules(&mut o, &input);
            stop_box(&mut o, &input);
        }
    } else {
        header(&mut o, &input);
        stop_box(&mut o, &input);
        for (week, guidance) in input.weeks.iter().zip(&input.guidance) {
            grid(&mut o, &input, week);
            week_lines(&mut o, week, guidance);
        }
        education(&mut o, &input);
        checks(&mut o, &input);
        cards(&mut o, &input);
        pain_rules(&mut o, &input);
        running(&mut o, &input);
        history(&mut o, &input);
        sources(&mut o, &input);
        clinician_note(&mut o, &input);
    }
    let mut text = o.text;
    if ascii && !text.is_ascii() {
        // Decorations above are ASCII already; this only guards against a missed string.
        text = text
            .chars()
            .map(|c| if c.is_ascii() { c } else { '?' })
            .collect();
    }
    text
}

fn week_lines(o: &mut Out, week: &WeekPlan, guidance: &super::WeekGuidance) {
    o.blank();
    o.wrap("Goal: ", "      ", &guidance.phase_goal);
    if let Some(why) = &guidance.shaped_by {
        o.wrap("Why this week: ", "      ", why);
    }
    if let Some(run) = super::week_running(week, guidance) {
        o.wrap("Running: ", "         ", &run);
    }
}

fn header(o: &mut Out, input: &ExportInput) {
    let title = format!("REHAB PLAN: {}", input.condition.name.to_uppercase());
    o.wrap("", "  ", &title);
    o.line(&o.g.heavy.to_string().repeat(TEXT_WIDTH));
    let blank = "_".repeat(30);
    let field = |v: &Option<String>| v.clone().unwrap_or_else(|| blank.clone());
    let p = &input.patient;
    for (label, value) in [
        ("Patient:   ", field(&p.name)),
        ("Clinician: ", field(&p.clinician)),
        ("Clinic:    ", field(&p.clinic)),
        ("Date:      ", long_date(input.date)),
        (
            "Condition: ",
            format!("{} ({})", input.condition.name, input.condition.id),
        ),
        ("Plan:      ", input.phase_and_week()),
    ] {
        o.wrap(label, "           ", &value);
    }
    if let Some(notes) = &p.notes {
        o.wrap("Notes:     ", "           ", notes);
    }
    o.blank();
    o.wrap("", "", DISCLAIMER);
    o.wrap("", "", crate::plan::HOW_DAYS_COMBINE);
    let notices = input.notices();
    if !notices.is_empty() {
        o.blank();
        o.line("PLEASE NOTE");
        for line in &notices {
            o.bullet(0, line);
        }
    }
}

fn stop_box(o: &mut Out, input: &ExportInput) {
    let inner = TEXT_WIDTH - 4;
    let [tl, tr, bl, br] = o.g.corner;
    let bar = o.g.rule.to_string().repeat(TEXT_WIDTH - 2);
    let mut lines = vec!["STOP AND CALL".to_string()];
    let groups = input.flag_groups();
    for group in &groups {
        lines.push(String::new());
        lines.push(group.heading.to_string());
        for body in &group.flags {
            let options = Options::new(inner)
                .initial_indent("- ")
                .subsequent_indent("  ");
            lines.extend(
                textwrap::wrap(body, options)
                    .into_iter()
                    .map(|l| l.into_owned()),
            );
        }
    }
    if groups.is_empty() {
        lines.push(NO_FLAGS.into());
    }
    o.blank();
    o.line(&format!("{tl}{bar}{tr}"));
    for l in lines {
        let pad = inner.saturating_sub(textwrap::core::display_width(&l));
        o.text.push_str(&format!(
            "{} {l}{} {}\n",
            o.g.side,
            " ".repeat(pad),
            o.g.side
        ));
    }
    o.line(&format!("{bl}{bar}{br}"));
}

/// The tick boxes of one cell: one per session, `.` when nothing is prescribed.
fn boxes(sessions: u32) -> String {
    match sessions {
        0 => ".".into(),
        1 | 2 => vec!["[ ]"; sessions as usize].join(""),
        3 => "[][][]".into(),
        n => format!("{n}x[]"),
    }
}

/// `text` and spaces to `width` terminal columns (wide characters count double).
fn pad(text: &str, width: usize) -> String {
    let used = textwrap::core::display_width(text);
    format!("{text}{}", " ".repeat(width.saturating_sub(used)))
}

fn centred(cell: &str) -> String {
    format!("{cell:^DAY_COLUMN$}")
}

fn grid(o: &mut Out, input: &ExportInput, week: &WeekPlan) {
    let last = week.days.last().map_or(week.monday, |d| d.date);
    o.heading(&format!(
        "WEEK {} - {} - {} to {}",
        week.state.week,
        week.phase_name,
        day_label(week.monday),
        day_label(last)
    ));
    o.line("Tick a box for each session done. Write pain 0-10 each day.");
    o.blank();
    let mut head = format!(" #  {:<NAME_COLUMN$}", "Exercise");
    for d in &week.days {
        head.push_str(&centred(crate::plan::Day::of(d.date).short()));
    }
    o.line(&head);
    for row in input.rows(week) {
        grid_row(o, input, &row);
    }
    o.line("");
    for label in ["Pain during (0-10)", "Next-morning pain (0-10)"] {
        let mut l = format!("    {label:<NAME_COLUMN$}");
        for _ in 0..7 {
            l.push_str(&centred("__"));
        }
        o.line(&l);
    }
}

fn grid_row(o: &mut Out, input: &ExportInput, row: &GridRow) {
    let name = input.card(row.card).map_or("", |e| e.name.as_str());
    let name_lines = textwrap::wrap(name, NAME_COLUMN);
    let first_line = name_lines.first().map_or("", |l| l.as_ref());
    let mut first = format!("{:>2}  {}", row.card, pad(first_line, NAME_COLUMN));
    for (sessions, _) in &row.days {
        first.push_str(&centred(&boxes(*sessions)));
    }
    o.line(&first);
    for l in name_lines.iter().skip(1) {
        o.line(&format!("    {l}"));
    }
    let mut dose = grid_dose(&row.dose);
    for (d, (_, detail)) in row.days.iter().enumerate() {
        if let Some(detail) = detail {
            let _ = write!(
                dose,
                "; {}: {detail}",
                crate::plan::Day::from_index(d).short()
            );
        }
    }
    if row.optional {
        dose.push_str(" (optional)");
    }
    o.wrap("    ", "      ", &dose);
    if let Some((name, why)) = &row.stands_in {
        o.wrap("    ", "      ", &format!("in place of {name}: {why}"));
    }
}
