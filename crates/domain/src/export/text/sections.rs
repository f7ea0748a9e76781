//! The text plan after the grids: exercise cards, pain rules, running, history and sources.

use super::Out;
use crate::export::chart;
use crate::export::model::ExportInput;
use crate::export::reading::{WALK_RUN_GATE, long_date, year_of};

pub(super) fn cards(o: &mut Out, input: &ExportInput) {
    o.heading("EXERCISES");
    for (i, e) in input.exercises.iter().enumerate() {
        let n = i + 1;
        o.blank();
        o.wrap(
            "",
            "  ",
            &format!("Card {n}: {} ({})", e.name, e.kind.label()),
        );
        let dose = input.card_dose(n);
        o.wrap(
            "Dose: ",
            "  ",
            &format!("{dose} ({})", input.card_origin(n)),
        );
        let equipment: Vec<&str> = e.equipment.iter().map(|q| q.label()).collect();
        if !equipment.is_empty() {
            o.wrap("Equipment: ", "  ", &equipment.join(", "));
        }
        o.line("Steps:");
        for (k, step) in e.steps.iter().enumerate() {
            o.wrap(&format!("  {}. ", k + 1), "     ", step);
        }
        for (title, list) in [("Cues:", &e.cues), ("Cautions:", &e.cautions)] {
            if !list.is_empty() {
                o.line(title);
                for item in list {
                    o.bullet(2, item);
                }
            }
        }
        let (easy, hurts) = input.easier_harder(e);
        if let Some(t) = easy {
            o.wrap("When it gets easy: ", "  ", &t);
        }
        if let Some(t) = hurts {
            o.wrap("When it hurts: ", "  ", &t);
        }
        o.wrap(
            &format!("Source for card {n}: "),
            "  ",
            &format!(
                "{} Evidence grade {:?}.",
                input.source_line(&e.source),
                e.evidence
            ),
        );
    }
}

pub(super) fn pain_rules(o: &mut Out, input: &ExportInput) {
    o.heading("PAIN RULES");
    o.bullet(0, &input.ceiling_rule());
    for rule in &input.pain_rules {
        o.bullet(0, rule);
    }
}

pub(super) fn running(o: &mut Out, input: &ExportInput) {
    o.heading("RUNNING AND CROSS-TRAINING");
    o.wrap("", "", &input.condition.run_guidance);
    if input.starts_walk_run() {
        o.blank();
        o.wrap("", "", WALK_RUN_GATE);
    }
    for (i, (week, g)) in input.weeks.iter().zip(&input.guidance).enumerate() {
        o.blank();
        o.line(&format!("Week {} ({}):", week.state.week, week.phase_name));
        if let Some(t) = input.phase_run_text(i) {
            o.bullet(2, t);
        }
        if let Some(level) = &g.walk_run {
            o.bullet(
                2,
                &format!(
                    "Walk-run level {}: {} ({} min in all).",
                    level.level, level.text, level.total_min
                ),
            );
        }
        if week.run_minutes > 0 {
            o.bullet(
                2,
                &format!("Continuous running: {} min this week.", week.run_minutes),
            );
        }
        if !g.cross_training.is_empty() {
            o.bullet(
                2,
                &format!("Cross-training choices: {}.", g.cross_training.join(", ")),
            );
        }
    }
}

pub(super) fn history(o: &mut Out, input: &ExportInput) {
    let Some(weeks) = &input.history else {
        return;
    };
    o.heading("HISTORY");
    for w in weeks {
        let adherence = w
            .adherence_pct
            .map_or("no sessions".to_string(), |p| format!("{p}% done"));
        let decision = input
            .decisions
            .iter()
            .find(|d| d.week == w.week)
            .map(|d| format!(" - {}: {}", d.decision.label(), d.reason))
            .unwrap_or_default();
        o.wrap(
            "",
            "  ",
            &format!(
                "Week {} ({}): {adherence}{decision}",
                w.week,
                long_date(w.monday)
            ),
        );
        let during: Vec<Option<u8>> = w.pain.iter().map(|p| p.during).collect();
        let morning: Vec<Option<u8>> = w.pain.iter().map(|p| p.morning).collect();
        o.line(&format!(
            "  pain during   {}",
            chart::sparkline(&during, o.ascii)
        ));
        o.line(&format!(
            "  next morning  {}",
            chart::sparkline(&morning, o.ascii)
        ));
    }
}

pub(super) fn sources(o: &mut Out, input: &ExportInput) {
    o.heading("SOURCES");
    for s in &input.sources {
        o.wrap(
            "",
            "  ",
            &format!(
                "[{}] {} ({}). {}. {}. {}",
                s.key,
                s.authors,
                year_of(s),
                s.title,
                s.published,
                s.url
            ),
        );
    }
}

pub(super) fn education(o: &mut Out, input: &ExportInput) {
    let Some(e) = &input.education else {
        return;
    };
    o.heading("ABOUT YOUR KNEE");
    o.wrap("", "", &input.condition.summary);
    for t in &e.topics {
        o.blank();
        o.line(&format!("{}:", t.about.heading()));
        for s in &t.says {
            o.bullet(2, &format!("{} [{}]", s.text, s.sources.join(", ")));
        }
    }
    if !input.condition.avoid_early.is_empty() {
        o.blank();
        o.line("Avoid early on:");
        for a in &input.condition.avoid_early {
            o.bullet(2, &a.text);
        }
    }
}

fn check_list(o: &mut Out, checks: &[crate::catalog::Check]) {
    for c in checks {
        let pass = if c.pass.is_empty() {
            String::new()
        } else {
            format!(" - pass: {}", c.pass)
        };
        o.wrap("  [ ] ", "      ", &format!("{}{pass}", c.test));
        o.line("      date: ____________");
    }
}

pub(super) fn checks(o: &mut Out, input: &ExportInput) {
    if input.exit_checks.is_empty() && input.run_checks.is_empty() {
        return;
    }
    o.heading("CHECKS AT YOUR VISITS");
    o.wrap(
        "",
        "",
        "Your physiotherapist ticks each check when it is passed. Move on to the next phase only \
         when every check of this one is ticked and the weekly review says progress.",
    );
    for p in &input.exit_checks {
        o.blank();
        o.wrap(
            "",
            "  ",
            &format!("Phase {} ({}): ready to move on", p.phase, p.name),
        );
        check_list(o, &p.checks);
    }
    if !input.run_checks.is_empty() {
        o.blank();
        o.line("Return-to-running checks");
        o.wrap("", "", WALK_RUN_GATE);
        check_list(o, &input.run_checks);
    }
}

pub(super) fn clinician_note(o: &mut Out, input: &ExportInput) {
    let note = input.clinician_note();
    if !input.options.clinician_note || note.is_empty() {
        return;
    }
    o.heading("CLINICIAN NOTE");
    o.wrap(
        "",
        "",
        "For the physiotherapist; not part of the patient's plan.",
    );
    for line in &note {
        o.bullet(0, line);
    }
}
