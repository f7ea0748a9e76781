//! Every string of a plan passed through one function before it is laid out: control characters
//! out for all formats (a patient name from the command line is as untrusted as a library file),
//! and, for `--ascii` text, everything spelled in ASCII.

use std::borrow::Cow;

use super::model::ExportInput;
use crate::catalog::{Condition, Dose, Exercise};

type Map<'f> = &'f dyn Fn(&str) -> String;

fn s(f: Map, text: &mut String) {
    *text = f(text);
}

fn all(f: Map, list: &mut [String]) {
    list.iter_mut().for_each(|t| s(f, t));
}

fn opt(f: Map, text: &mut Option<String>) {
    text.iter_mut().for_each(|t| s(f, t));
}

fn dose(f: Map, d: &mut Dose) {
    opt(f, &mut d.tempo);
    opt(f, &mut d.load);
}

fn exercise(f: Map, e: &mut Exercise) {
    for t in [&mut e.id, &mut e.name, &mut e.source] {
        s(f, t);
    }
    for list in [
        &mut e.targets,
        &mut e.steps,
        &mut e.cues,
        &mut e.cautions,
        &mut e.alternatives,
        &mut e.see_also,
    ] {
        all(f, list);
    }
    for t in [
        &mut e.progression,
        &mut e.regression,
        &mut e.when_easy,
        &mut e.when_painful,
    ] {
        opt(f, t);
    }
    dose(f, &mut e.dose);
    e.schedule.iter_mut().for_each(|b| s(f, &mut b.load));
}

fn condition(f: Map, c: &mut Condition) {
    for t in [
        &mut c.id,
        &mut c.name,
        &mut c.summary,
        &mut c.where_it_hurts,
        &mut c.evidence,
        &mut c.run_guidance,
    ] {
        s(f, t);
    }
    all(f, &mut c.aliases);
    for p in &mut c.phases {
        s(f, &mut p.name);
        s(f, &mut p.goal);
        s(f, &mut p.run.text);
        all(f, &mut p.exit_criteria);
        all(f, &mut p.cautions);
    }
}

impl ExportInput {
    /// A copy with `f` applied to every string.
    pub fn map_text(&self, f: Map) -> ExportInput {
        let mut x = self.clone();
        for t in [
            &mut x.patient.name,
            &mut x.patient.clinician,
            &mut x.patient.clinic,
            &mut x.patient.notes,
        ] {
            opt(f, t);
        }
        condition(f, &mut x.condition);
        for w in &mut x.weeks {
            s(f, &mut w.phase_name);
            all(f, &mut w.notes);
            for item in w.days.iter_mut().flat_map(|d| d.items.iter_mut()) {
                s(f, &mut item.exercise);
                opt(f, &mut item.replaces);
                opt(f, &mut item.reason);
                dose(f, &mut item.dose);
            }
        }
        for g in &mut x.guidance {
            s(f, &mut g.phase_goal);
            all(f, &mut g.cross_training);
            all(f, &mut g.notes);
            if let Some(l) = &mut g.walk_run {
                s(f, &mut l.text);
            }
        }
        x.exercises.iter_mut().for_each(|e| exercise(f, e));
        for r in &mut x.red_flags {
            for t in [&mut r.id, &mut r.question, &mut r.message, &mut r.source] {
                s(f, t);
            }
        }
        all(f, &mut x.pain_rules);
        for src in &mut x.sources {
            for t in [
                &mut src.key,
                &mut src.authors,
                &mut src.title,
                &mut src.published,
                &mut src.url,
            ] {
                s(f, t);
            }
            opt(f, &mut src.note);
        }
        x.other_names.values_mut().for_each(|n| s(f, n));
        x.decisions.iter_mut().for_each(|d| s(f, &mut d.reason));
        x
    }

    /// A copy with control characters removed from every string.
    pub fn cleaned(&self) -> ExportInput {
        self.map_text(&|t| crate::text::clean(t).into_owned())
    }

    /// A copy cleaned and spelled in ASCII ("é" -> "e", "–" -> "-").
    pub fn ascii(&self) -> ExportInput {
        self.map_text(&|t| to_ascii(&crate::text::clean(t)).into_owned())
    }
}

/// ASCII spelling of a string; anything without one becomes `?`.
pub fn to_ascii(text: &str) -> Cow<'_, str> {
    if text.is_ascii() {
        return Cow::Borrowed(text);
    }
    let spelled = deunicode::deunicode_with_tofu(text, "?");
    Cow::Owned(
        spelled
            .chars()
            .map(|c| {
                if c.is_ascii() && !c.is_control() {
                    c
                } else {
                    '?'
                }
            })
            .collect(),
    )
}
