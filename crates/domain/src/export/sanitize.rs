//! Every string of a plan passed through one function before it is laid out: control characters
//! out for all formats (a patient name from the command line is as untrusted as a library file),
//! and, for `--ascii` text, everything spelled in ASCII.

use std::borrow::Cow;

use super::model::ExportInput;
use crate::catalog::limits::Fill;
use crate::catalog::{Kind, MapText};

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

/// Applies `f` through the catalog's own walk over a type's strings.
fn walk(f: Map, x: &mut impl MapText) {
    x.map_text(&mut |t| *t = f(t).into());
}

impl ExportInput {
    /// A copy with `f` applied to every string.
    pub fn map_text(&self, f: Map) -> ExportInput {
        self.clone().mapped(f)
    }

    /// `self` with `f` applied to every string.
    fn mapped(self, f: Map) -> ExportInput {
        let mut x = self;
        for t in [
            &mut x.patient.name,
            &mut x.patient.clinician,
            &mut x.patient.clinic,
            &mut x.patient.notes,
        ] {
            opt(f, t);
        }
        walk(f, &mut x.condition);
        for w in &mut x.weeks {
            s(f, &mut w.phase_name);
            all(f, &mut w.notes);
            if let Some(fit) = &mut w.does_not_fit {
                all(f, &mut fit.left_out);
            }
            for item in w.days.iter_mut().flat_map(|d| d.items.iter_mut()) {
                s(f, &mut item.exercise);
                opt(f, &mut item.replaces);
                opt(f, &mut item.reason);
                walk(f, &mut item.dose);
            }
        }
        for g in &mut x.guidance {
            s(f, &mut g.phase_goal);
            all(f, &mut g.cross_training);
            all(f, &mut g.notes);
            opt(f, &mut g.shaped_by);
            if let Some(l) = &mut g.walk_run {
                walk(f, l);
            }
        }
        x.exercises.iter_mut().for_each(|e| walk(f, e));
        x.red_flags.iter_mut().for_each(|r| walk(f, r));
        all(f, &mut x.pain_rules);
        x.sources.iter_mut().for_each(|src| walk(f, src));
        x.other_names.values_mut().for_each(|n| s(f, n));
        x.decisions.iter_mut().for_each(|d| s(f, &mut d.reason));
        all(f, &mut x.standing);
        if let Some(e) = &mut x.education {
            walk(f, e);
        }
        x.flag_statements.values_mut().for_each(|v| opt(f, v));
        for c in x
            .exit_checks
            .iter_mut()
            .flat_map(|p| {
                s(f, &mut p.name);
                p.checks.iter_mut()
            })
            .chain(x.run_checks.iter_mut())
        {
            walk(f, c);
        }
        x
    }

    /// A copy with the pain limits filled in and control characters removed from every string.
    pub fn cleaned(&self) -> ExportInput {
        self.with_limits()
            .mapped(&|t| crate::text::clean(t).into_owned())
    }

    /// A copy filled in, cleaned and spelled in ASCII ("é" -> "e", "–" -> "-").
    pub fn ascii(&self) -> ExportInput {
        self.with_limits()
            .mapped(&|t| to_ascii(&crate::text::clean(t)).into_owned())
    }

    /// A copy with every `{limit}`-style name in the library's words filled from this plan's
    /// ceilings (a clinician's, when set) and the pain rules: the one place those numbers live.
    pub fn with_limits(&self) -> ExportInput {
        let mut x = self.clone();
        let rules = x.pain_numbers.clone();
        let fill = Fill {
            limits: Some(self.limits()),
            rules: rules.as_ref(),
        };
        let filled = |t: &mut crate::catalog::Text, run: bool| {
            if t.contains('{') {
                *t = fill.text(t, run).into();
            }
        };
        for e in &mut x.exercises {
            let run = e.kind == Kind::Run;
            e.map_text(&mut |t| filled(t, run));
        }
        // Texts about running first, then the rest of the condition as exercise texts.
        filled(&mut x.condition.run_guidance, true);
        for p in &mut x.condition.phases {
            filled(&mut p.run.text, true);
            if let Some(d) = &mut p.run.dose {
                d.map_text(&mut |t| filled(t, true));
            }
        }
        x.condition.map_text(&mut |t| filled(t, false));
        if let Some(e) = &mut x.education {
            e.map_text(&mut |t| filled(t, false));
        }
        let strings = |list: &mut Vec<String>, run: bool| {
            for t in list.iter_mut().filter(|t| t.contains('{')) {
                *t = fill.text(t, run);
            }
        };
        strings(&mut x.pain_rules, false);
        for w in &mut x.weeks {
            strings(&mut w.notes, true);
            for item in w.days.iter_mut().flat_map(|d| d.items.iter_mut()) {
                let run = item.slot == crate::plan::Slot::Run;
                item.dose.map_text(&mut |t| filled(t, run));
            }
        }
        for g in &mut x.guidance {
            strings(&mut g.notes, true);
            if g.phase_goal.contains('{') {
                g.phase_goal = fill.text(&g.phase_goal, false);
            }
        }
        for c in x
            .exit_checks
            .iter_mut()
            .flat_map(|p| p.checks.iter_mut())
            .chain(x.run_checks.iter_mut())
        {
            c.map_text(&mut |t| filled(t, false));
        }
        x
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
