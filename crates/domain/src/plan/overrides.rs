//! A clinician's dose change written as text, `clamshell=3x15 rest=60 freq=daily`: the command
//! line and the app's Profiles form read it the same way, and the prescription file and every
//! view show what it set.

use crate::catalog::limits::MAX_PAIN;
use crate::catalog::{Catalog, Dose, Frequency, Weight, Work};

/// How a dose change is written, for `--help`, the README and every refusal.
pub const DOSE_SYNTAX: &str = "ID=SETSxAMOUNT and any of: tempo=3-0-3, rest=SECONDS, \
     weight=rm|body|band|KGkg|none, hold-each=SECONDS, bend=DEGREES, step=CM, effort=LO-HI, \
     freq=N/week|daily|N/day, side=each|both (fields apart by spaces; a field not given keeps \
     its value)";

/// Parses `ID=SETSxAMOUNT FIELD=VALUE ...` into a whole dose: it starts from `current` (the
/// clinician's earlier change) or else the exercise's own dose, and changes the fields given.
/// Sets and amount are counted in the exercise's own unit (reps, seconds or minutes).
pub fn parse_dose_change(
    catalog: &Catalog,
    text: &str,
    current: Option<&Dose>,
) -> Result<(String, Dose), String> {
    let form = format!("write it as {DOSE_SYNTAX}, like clamshell=3x15 rest=60");
    let shown = crate::text::clean(text);
    let (id, fields) = text
        .split_once('=')
        .ok_or_else(|| format!("`{shown}`: {form}"))?;
    let id = id.trim();
    let exercise = catalog.find_exercise(id)?;
    let mut dose = current.cloned().unwrap_or_else(|| exercise.dose.clone());
    let mut words = fields.split_whitespace();
    if let Some(first) = words.next() {
        let fields = std::iter::once(first).chain(words);
        for field in fields {
            set_field(&mut dose, field).map_err(|why| format!("`{shown}`: {why}; {form}"))?;
        }
    }
    if let Some(problem) = crate::catalog::dose_problem(&dose) {
        return Err(format!("`{shown}`: {problem}"));
    }
    Ok((id.to_string(), dose))
}

/// One `SETSxAMOUNT` or `FIELD=VALUE` of a dose change.
fn set_field(dose: &mut Dose, field: &str) -> Result<(), String> {
    let number = |v: &str, what: &str| -> Result<u32, String> {
        v.trim_end_matches(|c: char| c.is_ascii_alphabetic())
            .parse::<u32>()
            .map_err(|_| format!("{what} takes a whole number, not `{v}`"))
    };
    let Some((key, value)) = field.split_once('=') else {
        let (sets, amount) = field
            .split_once(['x', 'X'])
            .ok_or_else(|| format!("`{field}` is neither SETSxAMOUNT nor FIELD=VALUE"))?;
        dose.sets = number(sets, "sets")?;
        dose.work = dose.work.with_amount(number(amount, "the amount")?);
        return Ok(());
    };
    let none = value.eq_ignore_ascii_case("none");
    match key.to_ascii_lowercase().as_str() {
        "tempo" if none => dose.tempo = None,
        "tempo" => {
            let parts: Vec<&str> = value.split('-').collect();
            if parts.len() != 3 || parts.iter().any(|p| p.parse::<u8>().is_err()) {
                return Err(format!("tempo is three numbers like 3-0-3, not `{value}`"));
            }
            dose.tempo = Some(value.into());
        }
        "rest" => dose.rest_s = if none { 0 } else { number(value, "rest")? },
        "weight" | "load" => {
            let lower = value.to_ascii_lowercase();
            dose.weight = match lower.as_str() {
                "none" => None,
                "rm" => Some(Weight::RepMax),
                "body" | "bodyweight" => Some(Weight::BodyWeight),
                "band" => Some(Weight::Band),
                kg if kg.ends_with("kg") => Some(Weight::Kg(number(kg, "weight")?)),
                // "12rm": a rep max is the reps' own, so the number must be the reps.
                rm if rm.ends_with("rm") => {
                    let n = number(rm, "weight")?;
                    if !matches!(dose.work, Work::Reps(r) if r == n) {
                        return Err(format!(
                            "a {n}RM weight goes with {n} reps: write the reps (like 4x{n}) and \
                             weight=rm"
                        ));
                    }
                    Some(Weight::RepMax)
                }
                _ => {
                    return Err(format!(
                        "weight is rm, body, band or a weight like 20kg, not `{value}`"
                    ));
                }
            };
        }
        "hold-each" | "hold" => {
            dose.hold_each_s = if none {
                None
            } else {
                Some(number(value, "hold-each")?)
            }
        }
        "bend" => {
            dose.knee_bend = if none {
                None
            } else {
                Some(number(value, "bend")?)
            }
        }
        "step" => {
            dose.step_cm = if none {
                None
            } else {
                Some(number(value, "step")?)
            }
        }
        "effort" if none => dose.effort = None,
        "effort" => {
            let (lo, hi) = value.split_once('-').unwrap_or((value, value));
            let (lo, hi) = (number(lo, "effort")?, number(hi, "effort")?);
            if lo > hi || hi > 10 {
                return Err(format!("effort is LO-HI out of 10, not `{value}`"));
            }
            dose.effort = Some((lo as u8, hi as u8));
        }
        "freq" | "frequency" => {
            let lower = value.to_ascii_lowercase();
            dose.frequency = match lower.as_str() {
                "daily" => Frequency::Daily(1),
                other => match other.split_once('/') {
                    Some((n, "week" | "wk")) => Frequency::PerWeek(number(n, "freq")?),
                    Some((n, "day")) => Frequency::Daily(number(n, "freq")?),
                    _ => return Err(format!("freq is N/week, daily or N/day, not `{value}`")),
                },
            };
        }
        "side" => {
            dose.per_side = match value.to_ascii_lowercase().as_str() {
                "each" => true,
                "both" => false,
                _ => return Err(format!("side is each or both, not `{value}`")),
            }
        }
        other => return Err(format!("`{other}` is not a dose field")),
    }
    Ok(())
}

/// The text form of a dose change, as [`parse_dose_change`] reads it: every field it can set.
pub fn dose_change_text(id: &str, dose: &Dose) -> String {
    let mut t = format!("{id}={}x{}", dose.sets, dose.work.amount());
    if let Some(tempo) = &dose.tempo {
        t.push_str(&format!(" tempo={tempo}"));
    }
    if dose.rest_s > 0 {
        t.push_str(&format!(" rest={}", dose.rest_s));
    }
    match dose.weight {
        Some(Weight::RepMax) => t.push_str(" weight=rm"),
        Some(Weight::BodyWeight) => t.push_str(" weight=body"),
        Some(Weight::Band) => t.push_str(" weight=band"),
        Some(Weight::Kg(kg)) => t.push_str(&format!(" weight={kg}kg")),
        None => {}
    }
    if let Some(s) = dose.hold_each_s {
        t.push_str(&format!(" hold-each={s}"));
    }
    if let Some(b) = dose.knee_bend {
        t.push_str(&format!(" bend={b}"));
    }
    if let Some(cm) = dose.step_cm {
        t.push_str(&format!(" step={cm}"));
    }
    if let Some((lo, hi)) = dose.effort {
        t.push_str(&format!(" effort={lo}-{hi}"));
    }
    t.push_str(&match dose.frequency {
        Frequency::PerWeek(n) => format!(" freq={n}/week"),
        Frequency::Daily(1) => " freq=daily".into(),
        Frequency::Daily(n) => format!(" freq={n}/day"),
    });
    t.push_str(if dose.per_side {
        " side=each"
    } else {
        " side=both"
    });
    t
}

/// A clinician's overrides as given (by the command line's flags or the app's form), before
/// they are checked. Empty lists and `None` mean "not given".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OverrideChange {
    /// 1-based; 0 clears the pin.
    pub pin_phase: Option<u32>,
    /// 0 clears the pin.
    pub pin_level: Option<u32>,
    pub ceiling_exercise: Option<u8>,
    pub ceiling_running: Option<u8>,
    pub add: Vec<String>,
    pub remove: Vec<String>,
    /// `OLD=NEW` each.
    pub replace: Vec<String>,
    /// `ID=SETSxAMOUNT FIELD=VALUE ...` each ([`DOSE_SYNTAX`]).
    pub doses: Vec<String>,
    /// Who changes the doses, and when: shown beside each dose changed.
    pub set_by: Option<super::SetBy>,
}

/// Which part of a change was wrong, to name the flag or the form's row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OverridePart {
    PinPhase,
    PinLevel,
    Ceiling,
    Add,
    Remove,
    Replace,
    Dose,
}

/// Applies a change onto `overrides`, every value checked the same way for every front end:
/// pins within the condition's phases and the walk-run levels, ceilings 0-10, exercise ids
/// known (with the closest suggested), `OLD=NEW` pairs, doses, and lists without repeats (an
/// exercise added is no longer removed, and the other way round). Nothing changes on an error.
pub fn apply_override_change(
    catalog: &Catalog,
    condition: &crate::catalog::Condition,
    overrides: &mut super::Overrides,
    change: &OverrideChange,
) -> Result<(), (OverridePart, String)> {
    let mut o = overrides.clone();
    let phases = condition.phases.len() as u32;
    match change.pin_phase {
        Some(0) => o.pinned_phase = None,
        Some(n) if n > phases => {
            return Err((
                OverridePart::PinPhase,
                format!("the phase pin takes 1-{phases} for this condition (0 clears), not {n}"),
            ));
        }
        Some(n) => o.pinned_phase = Some(n),
        None => {}
    }
    let top = catalog.top_walk_run_level();
    match change.pin_level {
        Some(0) => o.pinned_walk_run_level = None,
        Some(n) if n > top => {
            return Err((
                OverridePart::PinLevel,
                format!("the walk-run level pin takes 1-{top} (0 clears), not {n}"),
            ));
        }
        Some(n) => o.pinned_walk_run_level = Some(n),
        None => {}
    }
    for c in [change.ceiling_exercise, change.ceiling_running]
        .into_iter()
        .flatten()
    {
        if c > MAX_PAIN {
            return Err((
                OverridePart::Ceiling,
                format!("a pain ceiling is 0-{MAX_PAIN}, not {c}"),
            ));
        }
    }
    if change.ceiling_exercise.is_some() {
        o.ceiling_exercise = change.ceiling_exercise;
    }
    if change.ceiling_running.is_some() {
        o.ceiling_running = change.ceiling_running;
    }
    let known = |part: OverridePart, id: &str| -> Result<String, (OverridePart, String)> {
        catalog
            .find_exercise(id.trim())
            .map(|e| e.id.to_string())
            .map_err(|e| (part, e))
    };
    for id in &change.add {
        let id = known(OverridePart::Add, id)?;
        o.removed.retain(|r| *r != id);
        if !o.added.contains(&id) {
            o.added.push(id);
        }
    }
    for id in &change.remove {
        let id = known(OverridePart::Remove, id)?;
        o.added.retain(|a| *a != id);
        if !o.removed.contains(&id) {
            o.removed.push(id);
        }
    }
    for pair in &change.replace {
        let Some((old, new)) = pair.split_once('=') else {
            return Err((
                OverridePart::Replace,
                format!("write each as OLD=NEW, not `{}`", crate::text::clean(pair)),
            ));
        };
        let (old, new) = (
            known(OverridePart::Replace, old)?,
            known(OverridePart::Replace, new)?,
        );
        o.replaced.insert(old, new);
    }
    for text in &change.doses {
        let current = text
            .split_once('=')
            .and_then(|(id, _)| o.doses.get(id.trim()));
        let (id, dose) =
            parse_dose_change(catalog, text, current).map_err(|e| (OverridePart::Dose, e))?;
        // Only a change that changes the dose is dated anew.
        if o.doses.get(&id) != Some(&dose) {
            match &change.set_by {
                Some(by) => o.dose_set.insert(id.clone(), by.clone()),
                None => o.dose_set.remove(&id),
            };
        }
        o.doses.insert(id, dose);
    }
    o.dose_set.retain(|id, _| o.doses.contains_key(id));
    if let Some(p) = override_problems(catalog, condition, &o).into_iter().next() {
        return Err((p.part, p.message));
    }
    *overrides = o;
    Ok(())
}

/// One thing wrong with a clinician's overrides: the part, the field of the profile's
/// overrides it sits in, the exercise it is about (to find it in a file), why, and what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OverrideProblem {
    pub part: OverridePart,
    pub field: &'static str,
    pub id: Option<String>,
    pub message: String,
    pub hint: &'static str,
}

/// Everything wrong with a finished set of overrides, by the one rule every door applies (the
/// command line's flags, the app's form and an imported prescription): pins within the
/// condition's phases and the library's walk-run levels, ceilings 0-10, every exercise known,
/// doses counted in the exercise's own unit and within the dose limits, and every exercise put
/// in one the condition's limits let in (in the pinned phase when one is pinned, else in some
/// phase).
pub fn override_problems(
    catalog: &Catalog,
    condition: &crate::catalog::Condition,
    o: &super::Overrides,
) -> Vec<OverrideProblem> {
    let mut problems = Vec::new();
    let mut say = |part, field, id: Option<&str>, message: String, hint| {
        problems.push(OverrideProblem {
            part,
            field,
            id: id.map(str::to_string),
            message,
            hint,
        })
    };
    let phases = condition.phases.len() as u32;
    if let Some(n) = o.pinned_phase.filter(|n| !(1..=phases).contains(n)) {
        say(
            OverridePart::PinPhase,
            "pinned_phase",
            None,
            format!(
                "the phase pin takes 1-{phases} for {}, not {n}",
                condition.name
            ),
            "pin a phase the condition has, or remove the pin",
        );
    }
    let top = catalog.top_walk_run_level();
    if let Some(n) = o.pinned_walk_run_level.filter(|n| !(1..=top).contains(n)) {
        say(
            OverridePart::PinLevel,
            "pinned_walk_run_level",
            None,
            format!("the walk-run level pin takes 1-{top}, not {n}"),
            "pin a level the library has, or remove the pin",
        );
    }
    for (field, ceiling) in [
        ("ceiling_exercise", o.ceiling_exercise),
        ("ceiling_running", o.ceiling_running),
    ] {
        if let Some(v) = ceiling.filter(|&v| v > MAX_PAIN) {
            say(
                OverridePart::Ceiling,
                field,
                None,
                format!("a pain ceiling is 0-10, not {v}"),
                "pain is scored 0-10",
            );
        }
    }
    const UNKNOWN_HINT: &str = "`rehab exercises` lists the ids this library has; a clinic's own \
                                exercises must be in this machine's library folder too (`rehab \
                                paths`)";
    let ids = o
        .added
        .iter()
        .map(|id| (OverridePart::Add, "added", id))
        .chain(
            o.removed
                .iter()
                .map(|id| (OverridePart::Remove, "removed", id)),
        )
        .chain(
            o.replaced
                .iter()
                .flat_map(|(old, new)| [old, new])
                .map(|id| (OverridePart::Replace, "replaced", id)),
        )
        .chain(o.doses.keys().map(|id| (OverridePart::Dose, "doses", id)));
    for (part, field, id) in ids {
        if let Err(message) = catalog.find_exercise(id) {
            say(part, field, Some(id), message, UNKNOWN_HINT);
        }
    }
    for (id, dose) in &o.doses {
        let Some(exercise) = catalog.exercise(id) else {
            continue;
        };
        let unit = |w: &crate::catalog::Work| std::mem::discriminant(w);
        let problem = if unit(&dose.work) != unit(&exercise.dose.work) {
            Some(format!(
                "the dose for `{}` is counted as {}, but the exercise is counted as {}",
                crate::text::clean(id),
                dose.work.describe(),
                exercise.dose.work.describe()
            ))
        } else {
            crate::catalog::dose_problem(dose)
                .map(|p| format!("the dose for `{}`: {p}", crate::text::clean(id)))
        };
        if let Some(message) = problem {
            say(
                OverridePart::Dose,
                "doses",
                Some(id),
                message,
                "a dose is changed with `rehab profile set --dose ID=SETSxAMOUNT`",
            );
        }
    }
    let added = o
        .added
        .iter()
        .map(|id| (OverridePart::Add, "added", id, "added"));
    let replacing = o.replaced.values().map(|id| {
        (
            OverridePart::Replace,
            "replaced",
            id,
            "put in as a replacement",
        )
    });
    for (part, field, id, how) in added.chain(replacing) {
        let Some(exercise) = catalog.exercise(id) else {
            continue;
        };
        if let Some(message) = broken_limit(condition, exercise, o.pinned_phase, how) {
            say(
                part,
                field,
                Some(id),
                message,
                "the plan would never schedule it; take it out, or pin a phase that allows it",
            );
        }
    }
    problems
}

/// Why an exercise a clinician put in can never be scheduled under the condition's limits.
fn broken_limit(
    condition: &crate::catalog::Condition,
    exercise: &crate::catalog::Exercise,
    pinned: Option<u32>,
    how: &str,
) -> Option<String> {
    let keeps_out = |index: usize| -> Option<String> {
        let phase = condition.phases.get(index)?;
        if let Some(rule) = super::avoided(condition, &exercise.id, index) {
            return Some(format!(
                "it is on {}'s avoid-early list until phase {} ({})",
                condition.name, rule.until_phase, rule.text
            ));
        }
        match (exercise.knee_bend, phase.max_knee_bend) {
            (Some(bend), Some(max)) if bend > max => Some(format!(
                "it bends the knee to {bend} degrees, past phase {}'s limit of {max}",
                index + 1
            )),
            _ => None,
        }
    };
    let name = crate::text::clean(&exercise.name);
    let id = crate::text::clean(&exercise.id);
    match pinned {
        Some(n) if n >= 1 && (n as usize) <= condition.phases.len() => {
            let why = keeps_out(n as usize - 1)?;
            Some(format!(
                "{name} (`{id}`) is {how}, but the plan is pinned in phase {n}, which keeps it \
                 out: {why}"
            ))
        }
        Some(_) => None,
        None => {
            let reasons: Vec<String> = (0..condition.phases.len())
                .map(keeps_out)
                .collect::<Option<Vec<_>>>()?;
            let last = reasons.last()?;
            Some(format!(
                "{name} (`{id}`) is {how}, but no phase of {} lets it in: {last}",
                condition.name
            ))
        }
    }
}

/// What a clinician's added or replacing exercises meet in the condition's avoid-early rules,
/// in plain words: the plan keeps such an exercise out until the phase the rule allows it.
pub fn avoid_early_notes(
    catalog: &Catalog,
    condition: &crate::catalog::Condition,
    overrides: &super::Overrides,
) -> Vec<String> {
    let mut ids: Vec<&str> = overrides.added.iter().map(String::as_str).collect();
    ids.extend(overrides.replaced.values().map(String::as_str));
    let mut notes = Vec::new();
    for id in ids {
        if let Some(rule) = super::avoided(condition, id, 0) {
            let name = catalog.exercise(id).map_or(id, |e| e.name.as_str());
            notes.push(format!(
                "{name} is on {}'s avoid-early list ({}): it is scheduled from phase {} only.",
                condition.name, rule.text, rule.until_phase
            ));
        }
    }
    notes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Work;

    #[test]
    fn a_dose_change_keeps_the_unit_and_frequency() {
        let catalog = Catalog::builtin().expect("built-in library");
        let e = &catalog.exercises[0];
        let (id, dose) =
            parse_dose_change(&catalog, &format!("{}=2x7", e.id), None).expect("parses");
        assert_eq!(id, e.id);
        assert_eq!((dose.sets, dose.work.amount()), (2, 7));
        assert_eq!(
            std::mem::discriminant(&dose.work),
            std::mem::discriminant(&e.dose.work)
        );
        assert_eq!(dose.frequency, e.dose.frequency);
        let text = dose_change_text(&id, &dose);
        assert!(text.starts_with(&format!("{}=2x7 ", e.id)), "{text}");
        assert_eq!(
            parse_dose_change(&catalog, &text, None).expect("reads back"),
            (id, dose),
            "the text form reads back as the same dose"
        );
    }

    #[test]
    fn every_dose_field_can_be_set_and_a_field_not_given_keeps_its_value() {
        let catalog = Catalog::builtin().expect("built-in library");
        let (_, dose) = parse_dose_change(
            &catalog,
            "heavy-slow-resistance=4x10 tempo=2-1-2 rest=150 weight=rm bend=70 step=15 \
             hold-each=2 effort=6-7 freq=2/week side=each",
            None,
        )
        .expect("parses");
        assert_eq!((dose.sets, dose.work), (4, Work::Reps(10)));
        assert_eq!(dose.tempo.as_deref(), Some("2-1-2"));
        assert_eq!(dose.rest_s, 150);
        assert_eq!(dose.weight, Some(Weight::RepMax));
        assert_eq!(
            (dose.knee_bend, dose.step_cm, dose.hold_each_s),
            (Some(70), Some(15), Some(2))
        );
        assert_eq!(dose.effort, Some((6, 7)));
        assert_eq!(dose.frequency, Frequency::PerWeek(2));
        assert!(dose.per_side);
        // A later change of one field starts from the clinician's dose, not the library's.
        let (_, later) =
            parse_dose_change(&catalog, "heavy-slow-resistance=weight=20kg", Some(&dose))
                .expect("parses");
        assert_eq!(later.weight, Some(Weight::Kg(20)));
        assert_eq!((later.sets, later.rest_s), (4, 150));
        // A rep max must be the reps' own.
        let err = parse_dose_change(&catalog, "heavy-slow-resistance=4x10 weight=15rm", None)
            .expect_err("15RM at 10 reps");
        assert!(err.contains("goes with 15 reps"), "{err}");
    }

    #[test]
    fn bad_changes_say_why() {
        let catalog = Catalog::builtin().expect("built-in library");
        let e = &catalog.exercises[0];
        let err = |t: &str| parse_dose_change(&catalog, t, None).expect_err(t);
        assert!(err("clamshell").contains("ID=SETSxAMOUNT"));
        assert!(err(&format!("{}=three", e.id)).contains("ID=SETSxAMOUNT"));
        assert!(err(&format!("{}=3x10 colour=red", e.id)).contains("`colour` is not a dose field"));
        assert!(err(&format!("{}=3x10 freq=often", e.id)).contains("freq is N/week"));
        assert!(err(&format!("{}=0x10", e.id)).contains("0 sets"));
        assert!(err("clamshel=3x10").contains("Did you mean `clamshell`"));
        let hold = catalog
            .exercises
            .iter()
            .find(|e| matches!(e.dose.work, Work::Hold(_)))
            .expect("a hold");
        assert!(err(&format!("{}=3x1200", hold.id)).contains("1200 hold seconds"));
    }

    #[test]
    fn one_rule_checks_and_deduplicates_every_override() {
        use super::{OverrideChange, OverridePart, apply_override_change};
        let catalog = Catalog::builtin().expect("built-in library");
        let condition = catalog.condition("pfps").expect("pfps");
        let mut o = crate::plan::Overrides::default();
        let change = OverrideChange {
            add: vec!["clamshell".into(), "clamshell".into()],
            remove: vec!["calf-stretch".into()],
            ..OverrideChange::default()
        };
        apply_override_change(&catalog, condition, &mut o, &change).expect("valid");
        assert_eq!(o.added, vec!["clamshell"]);
        // Removing what was added takes it out of the added list: never both.
        let change = OverrideChange {
            remove: vec!["clamshell".into()],
            ..OverrideChange::default()
        };
        apply_override_change(&catalog, condition, &mut o, &change).expect("valid");
        assert!(o.added.is_empty());
        assert_eq!(o.removed, vec!["calf-stretch", "clamshell"]);
        // Each bad value names its part, and nothing changes.
        let before = o.clone();
        for (change, part) in [
            (
                OverrideChange {
                    pin_phase: Some(9),
                    ..Default::default()
                },
                OverridePart::PinPhase,
            ),
            (
                OverrideChange {
                    pin_level: Some(99),
                    ..Default::default()
                },
                OverridePart::PinLevel,
            ),
            (
                OverrideChange {
                    ceiling_running: Some(11),
                    ..Default::default()
                },
                OverridePart::Ceiling,
            ),
            (
                OverrideChange {
                    add: vec!["quad-se".into()],
                    ..Default::default()
                },
                OverridePart::Add,
            ),
            (
                OverrideChange {
                    replace: vec!["clamshell".into()],
                    ..Default::default()
                },
                OverridePart::Replace,
            ),
            (
                OverrideChange {
                    doses: vec!["clamshell=x".into()],
                    ..Default::default()
                },
                OverridePart::Dose,
            ),
        ] {
            let err = apply_override_change(&catalog, condition, &mut o, &change).expect_err("bad");
            assert_eq!(err.0, part, "{}", err.1);
            assert_eq!(o, before);
        }
    }

    #[test]
    fn an_exercise_the_pinned_phase_keeps_out_is_refused_by_the_same_rule_as_an_import() {
        let catalog = Catalog::builtin().expect("built-in library");
        let condition = catalog.condition("pfps").expect("pfps");
        let mut o = crate::plan::Overrides::default();
        let change = OverrideChange {
            pin_phase: Some(1),
            add: vec!["pogo-hops".into()],
            ..OverrideChange::default()
        };
        let (part, message) =
            apply_override_change(&catalog, condition, &mut o, &change).expect_err("kept out");
        assert_eq!(part, OverridePart::Add);
        assert!(message.contains("pinned in phase 1"), "{message}");
        assert!(message.contains("avoid-early list"), "{message}");
        assert_eq!(o, crate::plan::Overrides::default(), "nothing changed");
        // Without the pin a later phase lets it in: accepted, and the note says when.
        let change = OverrideChange {
            add: vec!["pogo-hops".into()],
            ..OverrideChange::default()
        };
        apply_override_change(&catalog, condition, &mut o, &change).expect("a later phase");
        assert!(override_problems(&catalog, condition, &o).is_empty());
        assert_eq!(avoid_early_notes(&catalog, condition, &o).len(), 1);
    }
}
