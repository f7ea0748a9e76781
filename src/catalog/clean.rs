//! Strips control characters from every string of a parsed library file, once, at load.

use super::model::*;
use crate::text::clean_in_place as c;

fn all(list: &mut [String]) {
    list.iter_mut().for_each(c);
}

fn dose(d: &mut Dose) {
    d.tempo.iter_mut().for_each(c);
    d.load.iter_mut().for_each(c);
}

impl LibraryFile {
    /// Removes control characters from every text field.
    pub fn clean_text(&mut self) {
        for s in &mut self.sources {
            for f in [
                &mut s.key,
                &mut s.authors,
                &mut s.title,
                &mut s.published,
                &mut s.url,
            ] {
                c(f);
            }
            s.note.iter_mut().for_each(c);
        }
        for e in &mut self.exercises {
            c(&mut e.id);
            c(&mut e.name);
            c(&mut e.source);
            all(&mut e.targets);
            all(&mut e.steps);
            all(&mut e.cues);
            all(&mut e.cautions);
            all(&mut e.alternatives);
            all(&mut e.see_also);
            dose(&mut e.dose);
            for f in [
                &mut e.progression,
                &mut e.regression,
                &mut e.when_easy,
                &mut e.when_painful,
            ] {
                f.iter_mut().for_each(c);
            }
            e.schedule.iter_mut().for_each(|b| c(&mut b.load));
        }
        for k in &mut self.conditions {
            for f in [
                &mut k.id,
                &mut k.name,
                &mut k.summary,
                &mut k.where_it_hurts,
                &mut k.evidence,
                &mut k.run_guidance,
            ] {
                c(f);
            }
            all(&mut k.aliases);
            all(&mut k.red_flags);
            all(&mut k.sources);
            for s in &mut k.symptoms {
                c(&mut s.question);
                c(&mut s.answer);
                c(&mut s.text);
            }
            for a in &mut k.avoid_early {
                c(&mut a.text);
                all(&mut a.exercises);
            }
            for p in &mut k.phases {
                c(&mut p.name);
                c(&mut p.goal);
                c(&mut p.run.text);
                all(&mut p.cross_training);
                all(&mut p.exit_criteria);
                all(&mut p.cautions);
                for r in &mut p.exercises {
                    c(&mut r.exercise);
                    r.dose.iter_mut().for_each(dose);
                }
            }
        }
        for f in &mut self.red_flags {
            for s in [&mut f.id, &mut f.question, &mut f.message, &mut f.source] {
                c(s);
            }
        }
        for q in &mut self.symptom_questions {
            c(&mut q.id);
            c(&mut q.text);
            for a in &mut q.answers {
                c(&mut a.id);
                c(&mut a.text);
            }
        }
        self.walk_run.iter_mut().for_each(|l| c(&mut l.text));
        if let Some(r) = &mut self.return_to_run {
            all(&mut r.criteria);
            all(&mut r.rules);
            c(&mut r.source);
        }
        if let Some(p) = &mut self.pain_rules {
            all(&mut p.text);
            c(&mut p.source);
        }
    }
}
