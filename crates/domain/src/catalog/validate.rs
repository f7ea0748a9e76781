//! Checks a merged library and reports every problem at once, each at its place in a file.

use std::collections::{HashMap, HashSet};

use super::model::*;
use super::problem::{Locator, Problem};
use super::{CONDITION_IDS, Catalog, SourceText};

/// Finds where an entry was written: the last file (user files come last) that names it wins.
struct Places<'a> {
    files: &'a [SourceText],
}

impl Places<'_> {
    fn of(&self, field: &str, id: &str) -> (String, (usize, usize)) {
        for file in self.files.iter().rev() {
            let loc = Locator::new(&file.text);
            if let Some(at) = loc.field_offset(field, id, 0) {
                return (file.name.clone(), loc.position(at));
            }
        }
        (self.fallback(), (1, 1))
    }

    /// Position of `needle` (often a quoted id) inside the entry `field: "id"`.
    fn inside(&self, field: &str, id: &str, needle: &str) -> (String, (usize, usize)) {
        for file in self.files.iter().rev() {
            let loc = Locator::new(&file.text);
            if loc.field_offset(field, id, 0).is_some() {
                return (file.name.clone(), loc.text_after(field, id, needle));
            }
        }
        (self.fallback(), (1, 1))
    }

    /// Where a text first appears in any file (the last file first).
    fn text(&self, needle: &str) -> (String, (usize, usize)) {
        for file in self.files.iter().rev() {
            if let Some(at) = file.text.find(needle) {
                return (file.name.clone(), Locator::new(&file.text).position(at));
            }
        }
        (self.fallback(), (1, 1))
    }

    fn fallback(&self) -> String {
        self.files
            .last()
            .map_or_else(|| "<library>".into(), |f| f.name.clone())
    }
}

struct Report<'a> {
    places: Places<'a>,
    problems: Vec<Problem>,
}

impl Report<'_> {
    fn at(&mut self, (file, pos): (String, (usize, usize)), message: String, hint: &str) {
        self.problems
            .push(Problem::new(&file, pos, message).hint(hint));
    }
}

/// Duplicate ids inside one file (across files, a later file overrides an earlier one).
pub fn duplicates(parsed: &LibraryFile, file: &SourceText) -> Vec<Problem> {
    let loc = Locator::new(&file.text);
    let mut problems = Vec::new();
    let mut check = |section: &str, field: &str, ids: Vec<&str>| {
        let mut seen: HashMap<&str, usize> = HashMap::new();
        for id in ids {
            let count = seen.entry(id).or_insert(0);
            *count += 1;
            if *count == 2 {
                problems.push(
                    Problem::new(
                        &file.name,
                        loc.field(field, id, 1),
                        format!("duplicate {section} id `{id}`"),
                    )
                    .hint("each id may appear once per file; rename one of them"),
                );
            }
        }
    };
    check(
        "source",
        "key",
        parsed.sources.iter().map(|s| s.key.as_str()).collect(),
    );
    check(
        "exercise",
        "id",
        parsed.exercises.iter().map(|e| e.id.as_str()).collect(),
    );
    check(
        "condition",
        "id",
        parsed.conditions.iter().map(|c| c.id.as_str()).collect(),
    );
    check(
        "red-flag",
        "id",
        parsed.red_flags.iter().map(|f| f.id.as_str()).collect(),
    );
    check(
        "question",
        "id",
        parsed
            .symptom_questions
            .iter()
            .map(|q| q.id.as_str())
            .collect(),
    );
    check(
        "education",
        "condition",
        parsed
            .education
            .iter()
            .map(|e| e.condition.as_str())
            .collect(),
    );
    check(
        "flag-statement",
        "flag",
        parsed
            .flag_statements
            .iter()
            .map(|s| s.flag.as_str())
            .collect(),
    );
    problems
}

/// Validates the merged catalog. `complete` also demands what only the whole library has
/// (the five conditions, the pain rules, the walk-run levels).
pub fn validate(catalog: &Catalog, files: &[SourceText], complete: bool) -> Vec<Problem> {
    let mut r = Report {
        places: Places { files },
        problems: Vec::new(),
    };
    let exercise_ids: HashSet<&str> = catalog.exercises.iter().map(|e| e.id.as_str()).collect();
    let source_keys: HashSet<&str> = catalog.sources.iter().map(|s| s.key.as_str()).collect();

    for s in &catalog.sources {
        if let Err(why) = check_link(&s.url) {
            let place = r.places.inside("key", &s.key, "url");
            r.at(
                place,
                format!("source `{}`: {why}", s.key),
                "give an https: (or http:) address, a DOI like doi:10.1136/bjsports-2018-099397, \
                 or say `none: ...` when there is no page",
            );
        }
    }
    for e in &catalog.exercises {
        exercise(&mut r, catalog, e, &exercise_ids, &source_keys);
    }
    chain_cycles(&mut r, catalog, "progression", |e| e.progression.as_deref());
    chain_cycles(&mut r, catalog, "regression", |e| e.regression.as_deref());
    for c in &catalog.conditions {
        condition(&mut r, catalog, c, &exercise_ids, &source_keys);
    }
    for f in &catalog.red_flags {
        kebab(&mut r, "id", &f.id);
        if !source_keys.contains(f.source.as_str()) {
            let place = r.places.inside("id", &f.id, &format!("\"{}\"", f.source));
            r.at(
                place,
                format!("red flag `{}` cites unknown source `{}`", f.id, f.source),
                "add it to `sources` or use an existing key",
            );
        }
    }
    if let Some(rules) = &catalog.pain_rules
        && !source_keys.contains(rules.source.as_str())
    {
        let place = r.places.of("source", &rules.source);
        r.at(
            place,
            format!("pain rules cite unknown source `{}`", rules.source),
            "add it to `sources`",
        );
    }
    for (i, level) in catalog.walk_run.iter().enumerate() {
        if level.level != i as u32 + 1 {
            let place = r
                .places
                .inside("walk_run", "", &format!("level: {}", level.level));
            r.at(
                place,
                format!(
                    "walk-run levels must count up from 1; found level {} at position {}",
                    level.level,
                    i + 1
                ),
                "number the levels 1, 2, 3 ...",
            );
        }
    }
    education(&mut r, catalog, &source_keys, complete);
    prose(&mut r, catalog);
    if complete {
        for id in CONDITION_IDS {
            if !catalog.conditions.iter().any(|c| c.id == id) {
                let place = (r.places.fallback(), (1, 1));
                r.at(
                    place,
                    format!("the library has no condition `{id}`"),
                    "the five condition ids are fixed",
                );
            }
        }
        if catalog.pain_rules.is_none()
            || catalog.walk_run.is_empty()
            || catalog.return_to_run.is_none()
        {
            let place = (r.places.fallback(), (1, 1));
            r.at(
                place,
                "the library needs `pain_rules`, `walk_run` and `return_to_run`".into(),
                "the built-in screening.ron has them",
            );
        }
    }
    r.problems
}

/// What a source's `url` may be: a web address (`https:` or `http:`, with a host and no spaces,
/// quotes, angle or square brackets or braces, so it cannot break out of a printed link; round
/// brackets are left to the printers, as publishers' addresses hold them), a DOI (`doi:10.` or
/// `https://doi.org/...`), or a statement that there is none (`none: not published online`),
/// which is printed as text and never as a link. Anything else (`javascript:`, `data:`,
/// `file:` ...) is refused.
pub fn check_link(url: &str) -> Result<(), String> {
    if url.starts_with("none") {
        return Ok(());
    }
    let bad_char = |c: char| {
        c.is_whitespace()
            || crate::text::is_unsafe(c)
            || matches!(
                c,
                '<' | '>' | '"' | '`' | '\\' | '[' | ']' | '{' | '}' | '|' | '^' | '\''
            )
    };
    let shown = crate::text::clean(url);
    if let Some(rest) = url.strip_prefix("doi:") {
        return if rest.starts_with("10.") && rest.len() > 4 && !rest.chars().any(bad_char) {
            Ok(())
        } else {
            Err(format!("`{shown}` is not a DOI like doi:10.1136/..."))
        };
    }
    let rest = ["https://", "http://"]
        .iter()
        .find_map(|scheme| {
            url.get(..scheme.len())
                .filter(|s| s.eq_ignore_ascii_case(scheme))
                .map(|_| &url[scheme.len()..])
        })
        .ok_or_else(|| {
            format!(
                "the link `{shown}` is not an https:, http: or DOI link (only those are printed)"
            )
        })?;
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    if host.is_empty() || url.chars().any(bad_char) {
        return Err(format!(
            "the link `{shown}` is not a whole web address (a host, and no spaces, quotes, angle or \
             square brackets, braces, `|` or `^`, which would end or change a printed link)"
        ));
    }
    Ok(())
}

fn kebab(r: &mut Report, field: &str, id: &str) {
    let ok = !id.is_empty()
        && id.split('-').all(|part| {
            !part.is_empty()
                && part
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        });
    if !ok {
        let place = r.places.of(field, id);
        r.at(
            place,
            format!("id `{id}` is not kebab-case"),
            "use lowercase letters, digits and single dashes, like `glute-bridge`",
        );
    }
}

/// A dose no person can do: zero sets, a 20-minute hold, twelve sessions a week.
pub fn dose_problem(d: &Dose) -> Option<String> {
    let work_limit = match d.work {
        Work::Reps(_) => ("reps", 1, 100),
        Work::Hold(_) => ("hold seconds", 1, 120),
        Work::Seconds(_) => ("seconds", 1, 900),
        Work::Minutes(_) => ("minutes", 1, 180),
    };
    let (what, lo, hi) = work_limit;
    let n = d.work.amount();
    if !(1..=10).contains(&d.sets) {
        return Some(format!("impossible dose: {} sets (allowed 1-10)", d.sets));
    }
    if !(lo..=hi).contains(&n) {
        return Some(format!("impossible dose: {n} {what} (allowed {lo}-{hi})"));
    }
    if d.rest_s > 600 {
        return Some(format!(
            "impossible dose: {} s rest between sets (allowed up to 600)",
            d.rest_s
        ));
    }
    match d.frequency {
        Frequency::PerWeek(k) if !(1..=7).contains(&k) => Some(format!(
            "impossible dose: {k} sessions a week (allowed 1-7)"
        )),
        Frequency::Daily(k) if !(1..=3).contains(&k) => {
            Some(format!("impossible dose: {k} sessions a day (allowed 1-3)"))
        }
        _ => None,
    }
}

fn exercise(
    r: &mut Report,
    catalog: &Catalog,
    e: &Exercise,
    ids: &HashSet<&str>,
    keys: &HashSet<&str>,
) {
    kebab(r, "id", &e.id);
    if e.name.trim().is_empty() {
        let place = r.places.of("id", &e.id);
        r.at(
            place,
            format!("exercise `{}` has no name", e.id),
            "add `name: \"...\"`",
        );
    }
    if !(3..=6).contains(&e.steps.len()) {
        let place = r.places.inside("id", &e.id, "steps");
        r.at(
            place,
            format!(
                "exercise `{}` has {} steps; it needs 3-6",
                e.id,
                e.steps.len()
            ),
            "write 3 to 6 numbered steps a runner can follow alone",
        );
    }
    if let Some(message) = dose_problem(&e.dose) {
        let place = r.places.inside("id", &e.id, "dose");
        r.at(
            place,
            format!("exercise `{}`: {message}", e.id),
            "fix the sets, reps, hold or frequency",
        );
    }
    if let Some(step) = &e.weekly
        && (step.add == 0 || step.every_weeks == 0 || step.cap < e.dose.work.amount())
    {
        let place = r.places.inside("id", &e.id, "weekly");
        r.at(place, format!("exercise `{}`: weekly step must add at least 1, every 1+ weeks, with a cap at or above the starting amount", e.id), "for example `weekly: Some((add: 2, cap: 15))`");
    }
    for pair in e.schedule.windows(2) {
        if pair[1].from_week <= pair[0].from_week {
            let place = r.places.inside("id", &e.id, "schedule");
            r.at(
                place,
                format!("exercise `{}`: load schedule weeks must rise", e.id),
                "list the blocks in order of `from_week`",
            );
        }
    }
    let links = [
        ("progression", &e.progression),
        ("regression", &e.regression),
    ];
    for (what, link) in links {
        if let Some(target) = link {
            if !ids.contains(target.as_str()) {
                missing_exercise(r, "id", &e.id, what, target, catalog);
            } else if target == &e.id {
                let place = r.places.inside("id", &e.id, what);
                r.at(
                    place,
                    format!("exercise `{}` names itself as its {what}", e.id),
                    "point to a harder or easier exercise",
                );
            }
        }
    }
    for alt in &e.alternatives {
        if !ids.contains(alt.as_str()) {
            missing_exercise(r, "id", &e.id, "alternative", alt, catalog);
        }
    }
    for key in std::iter::once(&e.source).chain(&e.see_also) {
        if !keys.contains(key.as_str()) {
            let place = r.places.inside("id", &e.id, &format!("\"{key}\""));
            let hint = closest_hint(key, catalog.sources.iter().map(|s| s.key.as_str()));
            r.at(
                place,
                format!("exercise `{}` cites unknown source `{key}`", e.id),
                &hint,
            );
        }
    }
}

fn closest_hint<'a>(wanted: &str, candidates: impl IntoIterator<Item = &'a str>) -> String {
    match super::closest(wanted, candidates) {
        Some(near) => format!("did you mean `{near}`?"),
        None => "add it to the library first".into(),
    }
}

fn missing_exercise(
    r: &mut Report,
    field: &str,
    owner: &str,
    what: &str,
    target: &str,
    catalog: &Catalog,
) {
    let place = r.places.inside(field, owner, &format!("\"{target}\""));
    let hint = closest_hint(target, catalog.exercises.iter().map(|e| e.id.as_str()));
    r.at(
        place,
        format!("`{owner}` names missing exercise `{target}` as its {what}"),
        &hint,
    );
}

/// A progression (or regression) chain that comes back on itself. Each exercise has at most one
/// link, so one walk per chain with "on this walk" / "already checked" marks finds every cycle in
/// linear time, even for a 5,000-long chain.
fn chain_cycles(
    r: &mut Report,
    catalog: &Catalog,
    what: &str,
    next: impl Fn(&Exercise) -> Option<&str>,
) {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        OnWalk,
        Checked,
    }
    let mut marks: HashMap<&str, Mark> = HashMap::with_capacity(catalog.exercises.len());
    for start in &catalog.exercises {
        let mut walk: Vec<&str> = Vec::new();
        let mut current = start;
        loop {
            match marks.get(current.id.as_str()) {
                Some(Mark::Checked) => break,
                Some(Mark::OnWalk) => {
                    let from = walk.iter().position(|id| *id == current.id).unwrap_or(0);
                    let cycle = &walk[from..];
                    let place = r.places.inside("id", cycle[0], what);
                    r.at(
                        place,
                        format!("{what} cycle: {} -> {}", cycle.join(" -> "), cycle[0]),
                        &format!("a {what} chain must end; remove one link"),
                    );
                    break;
                }
                None => {}
            }
            marks.insert(&current.id, Mark::OnWalk);
            walk.push(&current.id);
            match next(current).and_then(|id| catalog.exercise(id)) {
                Some(following) => current = following,
                None => break,
            }
        }
        for id in walk {
            marks.insert(id, Mark::Checked);
        }
    }
}

fn condition(
    r: &mut Report,
    catalog: &Catalog,
    c: &Condition,
    ids: &HashSet<&str>,
    keys: &HashSet<&str>,
) {
    kebab(r, "id", &c.id);
    if c.phases.is_empty() {
        let place = r.places.of("id", &c.id);
        r.at(
            place,
            format!("condition `{}` has no phases", c.id),
            "add at least one phase",
        );
    }
    for (what, value) in [
        ("exercise", c.ceilings.exercise),
        ("running", c.ceilings.running),
        ("progress_median", c.ceilings.progress_median),
    ] {
        if value > 10 {
            let place = r.places.inside("id", &c.id, "ceilings");
            r.at(
                place,
                format!("condition `{}`: {what} ceiling {value} is above 10", c.id),
                "pain is scored 0-10",
            );
        }
    }
    for key in &c.sources {
        if !keys.contains(key.as_str()) {
            let place = r.places.inside("id", &c.id, &format!("\"{key}\""));
            r.at(
                place,
                format!("condition `{}` cites unknown source `{key}`", c.id),
                "add it to `sources`",
            );
        }
    }
    for flag in &c.red_flags {
        if catalog.red_flag(flag).is_none() {
            let place = r.places.inside("id", &c.id, &format!("\"{flag}\""));
            r.at(
                place,
                format!("condition `{}` names unknown red flag `{flag}`", c.id),
                "use an id from `red_flags`",
            );
        }
    }
    for s in &c.symptoms {
        let known = catalog
            .symptom_questions
            .iter()
            .any(|q| q.id == s.question && q.answers.iter().any(|a| a.id == s.answer));
        if !known {
            let place = r.places.inside("id", &c.id, &format!("\"{}\"", s.answer));
            r.at(
                place,
                format!(
                    "condition `{}`: symptom answer `{}/{}` is not a symptom-helper answer",
                    c.id, s.question, s.answer
                ),
                "use a question id and one of its answer ids",
            );
        }
    }
    for a in &c.avoid_early {
        for x in &a.exercises {
            if !ids.contains(x.as_str()) {
                missing_exercise(r, "id", &c.id, "avoid-early entry", x, catalog);
            }
        }
    }
    for (n, phase) in c.phases.iter().enumerate() {
        if phase.weeks == 0 || phase.weeks > 52 {
            let place = r.places.inside("id", &c.id, &format!("\"{}\"", phase.name));
            r.at(
                place,
                format!(
                    "condition `{}` phase {} lasts {} weeks (allowed 1-52)",
                    c.id,
                    n + 1,
                    phase.weeks
                ),
                "give each phase its typical length in weeks",
            );
        }
        for p in &phase.exercises {
            if !ids.contains(p.exercise.as_str()) {
                missing_exercise(
                    r,
                    "id",
                    &c.id,
                    &format!("phase {} exercise", n + 1),
                    &p.exercise,
                    catalog,
                );
            }
            if let Some(message) = p.dose.as_ref().and_then(dose_problem) {
                let place = r.places.inside("id", &c.id, &format!("\"{}\"", p.exercise));
                r.at(
                    place,
                    format!(
                        "condition `{}` phase {}, `{}`: {message}",
                        c.id,
                        n + 1,
                        p.exercise
                    ),
                    "fix the phase's dose",
                );
            }
        }
        knee_bend_limits(r, catalog, c, n, phase);
        for x in &phase.cross_training {
            match catalog.exercise(x) {
                None => missing_exercise(
                    r,
                    "id",
                    &c.id,
                    &format!("phase {} cross-training", n + 1),
                    x,
                    catalog,
                ),
                Some(e) if e.kind != Kind::CrossTraining => {
                    let place = r.places.inside("id", &c.id, &format!("\"{x}\""));
                    r.at(place, format!("condition `{}` phase {}: `{x}` is listed as cross-training but its kind is {}", c.id, n + 1, e.kind.label()), "list only CrossTraining exercises there");
                }
                Some(_) => {}
            }
        }
    }
}

/// A phase's knee-bend limit holds for what it prescribes and for every alternative that could
/// stand in for it (missing equipment): a deeper one is reported, so the library never relies on
/// the plan builder quietly skipping it.
fn knee_bend_limits(
    r: &mut Report,
    catalog: &Catalog,
    c: &Condition,
    n: usize,
    phase: &crate::catalog::Phase,
) {
    let Some(max) = phase.max_knee_bend else {
        return;
    };
    for p in &phase.exercises {
        let Some(e) = catalog.exercise(&p.exercise) else {
            continue;
        };
        // A higher seat keeps a sit to stand within the limit; the plan caps its dose there.
        let deeper = |x: &crate::catalog::Exercise| {
            !x.seat_sets_bend && x.knee_bend.is_some_and(|b| b > max)
        };
        let mut report = |x: &crate::catalog::Exercise, role: &str| {
            let place = r.places.inside("id", &c.id, &format!("\"{}\"", p.exercise));
            r.at(
                place,
                format!(
                    "condition `{}` phase {}: {role} `{}` bends the knee to {} degrees, past the phase's {max}",
                    c.id,
                    n + 1,
                    x.id,
                    x.knee_bend.unwrap_or_default()
                ),
                "choose a shallower exercise, or raise the phase's `max_knee_bend` if the basis allows",
            );
        };
        if deeper(e) {
            report(e, "the exercise");
        }
        for a in e.alternatives.iter().filter_map(|a| catalog.exercise(a)) {
            if deeper(a) {
                report(a, &format!("the stand-in for `{}`", e.id));
            }
        }
    }
}

/// The education sections, the stop-box statements and the return-to-running checks: each names
/// what exists, every statement cites at least one known source, and (for the whole library)
/// every condition has every topic and every stop or block flag has a statement.
fn education(r: &mut Report, catalog: &Catalog, keys: &HashSet<&str>, complete: bool) {
    for e in &catalog.education {
        let Some(c) = catalog.conditions.iter().find(|c| c.id == e.condition) else {
            let place = r.places.of("condition", &e.condition);
            r.at(
                place,
                format!("education for unknown condition `{}`", e.condition),
                "use a condition id from `conditions`",
            );
            continue;
        };
        for s in e.topics.iter().flat_map(|t| &t.says) {
            if s.sources.is_empty() {
                let place = r.places.inside("condition", &e.condition, &s.text);
                r.at(
                    place,
                    format!("education for `{}`: a statement names no source", c.id),
                    "add `sources: [\"KEY\"]` (APP for our own advice)",
                );
            }
            for key in &s.sources {
                if !keys.contains(key.as_str()) {
                    let place = r
                        .places
                        .inside("condition", &e.condition, &format!("\"{key}\""));
                    r.at(
                        place,
                        format!("education for `{}` cites unknown source `{key}`", c.id),
                        "add it to `sources` or use an existing key",
                    );
                }
            }
        }
        // Only the whole built-in library is held to this: a clinic's file may replace a
        // condition with fewer phases, and the printed plan then leaves the extra checks out.
        for p in e.exit_checks.iter().filter(|_| complete) {
            if p.phase == 0 || p.phase as usize > c.phases.len() {
                let place =
                    r.places
                        .inside("condition", &e.condition, &format!("phase: {}", p.phase));
                r.at(
                    place,
                    format!(
                        "education for `{}`: exit checks for phase {}, which it does not have",
                        c.id, p.phase
                    ),
                    "phases are numbered from 1",
                );
            }
        }
        if complete {
            for about in About::ALL {
                if !e
                    .topics
                    .iter()
                    .any(|t| t.about == about && !t.says.is_empty())
                {
                    let place = r.places.of("condition", &e.condition);
                    r.at(
                        place,
                        format!("education for `{}` has nothing on {about:?}", c.id),
                        "every built-in condition covers every topic",
                    );
                }
            }
        }
    }
    for s in &catalog.flag_statements {
        if catalog.red_flag(&s.flag).is_none() {
            let place = r.places.of("flag", &s.flag);
            r.at(
                place,
                format!("statement for unknown red flag `{}`", s.flag),
                "use an id from `red_flags`",
            );
        }
    }
    if let Some(checks) = &catalog.return_to_run_checks
        && !keys.contains(checks.source.as_str())
    {
        let place = r.places.of("source", &checks.source);
        r.at(
            place,
            format!(
                "return-to-running checks cite unknown source `{}`",
                checks.source
            ),
            "add it to `sources`",
        );
    }
    if complete {
        for id in CONDITION_IDS {
            if catalog.education(id).is_none() {
                let place = (r.places.fallback(), (1, 1));
                r.at(
                    place,
                    format!("the library has no education for `{id}`"),
                    "the built-in education.ron has one per condition",
                );
            }
        }
        for f in &catalog.red_flags {
            if f.level >= FlagLevel::Block && catalog.flag_statement(&f.id).is_none() {
                let place = r.places.of("id", &f.id);
                r.at(
                    place,
                    format!(
                        "red flag `{}` has no statement for the printed stop box",
                        f.id
                    ),
                    "add it to `flag_statements` (says: None for a screening-only question)",
                );
            }
        }
    }
}

/// The library's prose names the numbers its fields hold and never states them: a pain limit,
/// sets and reps, or how often (see `limits`). Exit criteria and visit checks are pass marks of
/// a test, not limits, and may state scores.
fn prose(r: &mut Report, catalog: &Catalog) {
    let mut texts: Vec<(String, &str)> = Vec::new();
    for e in &catalog.exercises {
        let what = format!("exercise `{}`", e.id);
        for t in e.steps.iter().chain(&e.cues).chain(&e.cautions) {
            texts.push((what.clone(), t));
        }
        for t in [&e.when_easy, &e.when_painful, &e.dose.how]
            .into_iter()
            .flatten()
        {
            texts.push((what.clone(), t));
        }
    }
    for c in &catalog.conditions {
        let what = format!("condition `{}`", c.id);
        texts.push((what.clone(), &c.run_guidance));
        for a in &c.avoid_early {
            texts.push((what.clone(), &a.text));
        }
        for p in &c.phases {
            texts.push((what.clone(), &p.goal));
            texts.push((what.clone(), &p.run.text));
            for t in &p.cautions {
                texts.push((what.clone(), t));
            }
            let doses = p.exercises.iter().filter_map(|x| x.dose.as_ref());
            for d in doses.chain(&p.run.dose) {
                if let Some(how) = &d.how {
                    texts.push((what.clone(), how));
                }
            }
        }
    }
    if let Some(rules) = &catalog.pain_rules {
        for t in &rules.text {
            texts.push(("pain rules".into(), t));
        }
    }
    for e in &catalog.education {
        let what = format!("education for `{}`", e.condition);
        for s in e.topics.iter().flat_map(|t| &t.says) {
            texts.push((what.clone(), &s.text));
        }
    }
    for (what, text) in texts {
        let needle: String = text.chars().take(40).collect();
        if let Some(why) = super::limits::number_a_field_holds(text) {
            let place = r.places.text(&needle);
            r.at(place, format!("{what}: \"{needle}...\" {why}"), why_hint());
        }
        for name in super::limits::unknown_placeholders(text) {
            let place = r.places.text(&needle);
            let known: Vec<&str> = super::limits::PLACEHOLDERS
                .iter()
                .map(|(p, _)| *p)
                .collect();
            r.at(
                place,
                format!("{what}: unknown placeholder `{name}`"),
                &format!("use one of {}", known.join(", ")),
            );
        }
    }
}

fn why_hint() -> &'static str {
    "one rule, one place: a number lives in one field and every view fills it in"
}
