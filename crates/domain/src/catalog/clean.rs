//! One walk over every string of each library type, so cleaning at load and transliterating for
//! printed plans visit exactly the same fields.

use super::model::*;
use crate::text::clean_in_place;

/// A function applied to each string in place.
pub type TextFn<'f> = &'f mut dyn FnMut(&mut Text);

/// Types whose every string can be visited.
pub trait MapText {
    fn map_text(&mut self, f: TextFn);
}

fn all(f: TextFn, list: &mut [Text]) {
    list.iter_mut().for_each(f);
}

fn opt(f: TextFn, text: &mut Option<Text>) {
    text.iter_mut().for_each(f);
}

impl MapText for Dose {
    fn map_text(&mut self, f: TextFn) {
        opt(f, &mut self.tempo);
        opt(f, &mut self.how);
    }
}

impl MapText for Source {
    fn map_text(&mut self, f: TextFn) {
        for t in [
            &mut self.key,
            &mut self.authors,
            &mut self.title,
            &mut self.published,
            &mut self.url,
        ] {
            f(t);
        }
        opt(f, &mut self.read_on);
        opt(f, &mut self.note);
    }
}

impl MapText for Exercise {
    fn map_text(&mut self, f: TextFn) {
        for t in [&mut self.id, &mut self.name, &mut self.source] {
            f(t);
        }
        for list in [
            &mut self.targets,
            &mut self.steps,
            &mut self.cues,
            &mut self.cautions,
            &mut self.alternatives,
            &mut self.see_also,
        ] {
            all(f, list);
        }
        for t in [
            &mut self.progression,
            &mut self.regression,
            &mut self.when_easy,
            &mut self.when_painful,
        ] {
            opt(f, t);
        }
        self.dose.map_text(f);
        self.schedule.iter_mut().for_each(|b| opt(f, &mut b.load));
    }
}

impl MapText for Condition {
    fn map_text(&mut self, f: TextFn) {
        for t in [
            &mut self.id,
            &mut self.name,
            &mut self.summary,
            &mut self.where_it_hurts,
            &mut self.evidence,
            &mut self.run_guidance,
        ] {
            f(t);
        }
        all(f, &mut self.aliases);
        all(f, &mut self.red_flags);
        all(f, &mut self.sources);
        for s in &mut self.symptoms {
            for t in [&mut s.question, &mut s.answer, &mut s.text] {
                f(t);
            }
        }
        for a in &mut self.avoid_early {
            f(&mut a.text);
            all(f, &mut a.exercises);
        }
        for p in &mut self.phases {
            for t in [&mut p.name, &mut p.goal, &mut p.run.text] {
                f(t);
            }
            opt(f, &mut p.run.exercise);
            if let Some(d) = &mut p.run.dose {
                d.map_text(f);
            }
            all(f, &mut p.cross_training);
            all(f, &mut p.exit_criteria);
            all(f, &mut p.cautions);
            if let Some(w) = &mut p.without_running {
                f(&mut w.name);
                f(&mut w.goal);
            }
            for r in &mut p.exercises {
                f(&mut r.exercise);
                if let Some(d) = &mut r.dose {
                    d.map_text(f);
                }
                r.ladder.iter_mut().for_each(|rung| opt(f, &mut rung.load));
            }
        }
    }
}

impl MapText for RedFlag {
    fn map_text(&mut self, f: TextFn) {
        for t in [
            &mut self.id,
            &mut self.question,
            &mut self.message,
            &mut self.source,
        ] {
            f(t);
        }
    }
}

impl MapText for WalkRunLevel {
    fn map_text(&mut self, f: TextFn) {
        f(&mut self.text);
    }
}

impl MapText for LibraryFile {
    fn map_text(&mut self, f: TextFn) {
        self.sources.iter_mut().for_each(|s| s.map_text(f));
        self.exercises.iter_mut().for_each(|e| e.map_text(f));
        self.conditions.iter_mut().for_each(|c| c.map_text(f));
        self.red_flags.iter_mut().for_each(|r| r.map_text(f));
        for q in &mut self.symptom_questions {
            f(&mut q.id);
            f(&mut q.text);
            for a in &mut q.answers {
                f(&mut a.id);
                f(&mut a.text);
            }
        }
        self.walk_run.iter_mut().for_each(|l| l.map_text(f));
        if let Some(r) = &mut self.return_to_run {
            all(f, &mut r.criteria);
            all(f, &mut r.rules);
            f(&mut r.source);
        }
        if let Some(p) = &mut self.pain_rules {
            all(f, &mut p.text);
            f(&mut p.source);
        }
        self.education.iter_mut().for_each(|e| e.map_text(f));
        for s in &mut self.flag_statements {
            f(&mut s.flag);
            opt(f, &mut s.says);
        }
        if let Some(r) = &mut self.return_to_run_checks {
            r.checks.iter_mut().for_each(|c| c.map_text(f));
            f(&mut r.source);
        }
        for fig in &mut self.figures {
            f(&mut fig.exercise);
            fig.positions.iter_mut().for_each(|p| f(&mut p.name));
        }
    }
}

impl MapText for Check {
    fn map_text(&mut self, f: TextFn) {
        f(&mut self.test);
        f(&mut self.pass);
    }
}

impl MapText for Education {
    fn map_text(&mut self, f: TextFn) {
        f(&mut self.condition);
        for s in self.topics.iter_mut().flat_map(|t| t.says.iter_mut()) {
            f(&mut s.text);
            all(f, &mut s.sources);
        }
        for c in self
            .exit_checks
            .iter_mut()
            .flat_map(|p| p.checks.iter_mut())
            .chain(self.run_checks.iter_mut())
        {
            c.map_text(f);
        }
    }
}

impl LibraryFile {
    /// Removes control characters from every text field.
    pub fn clean_text(&mut self) {
        self.map_text(&mut clean_in_place::<Text>);
    }
}
