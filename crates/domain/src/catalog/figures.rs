//! Figures in the library: the built-in ones (parsed only when one is needed, so the app's first
//! frame never pays for them) and a clinic's own, checked like every other entry, each problem
//! at `file:line:column` with a hint.

use std::collections::HashSet;

use super::problem::{Locator, Problem};
use super::{Catalog, SourceText};
use crate::figure::{self, Figure, FigureIssue, check_figure};

impl Catalog {
    /// The figure of an exercise: a library file's own first, then the built-in one.
    pub fn figure(&self, exercise: &str) -> Option<&Figure> {
        self.figures
            .iter()
            .rev()
            .find(|f| f.exercise == exercise)
            .or_else(|| figure::builtin().iter().find(|f| f.exercise == exercise))
    }
}

/// Where a figure's problem is: the position's field, or the position, or the figure.
fn place(text: &str, f: &Figure, issue: &FigureIssue) -> (usize, usize) {
    let loc = Locator::new(text);
    let Some(start) = loc.field_offset("exercise", &f.exercise, 0) else {
        return (1, 1);
    };
    let Some(i) = issue.position else {
        return loc.position(start);
    };
    // The i-th `name:` after the figure's start opens position i.
    let mut at = start;
    let mut found = None;
    for _ in 0..=i {
        match find_key(text, at, "name") {
            Some(k) => {
                found = Some(k);
                at = k + 1;
            }
            None => break,
        }
    }
    let Some(pos) = found else {
        return loc.position(start);
    };
    // The position's own parentheses.
    let open = text[..pos].rfind('(').unwrap_or(pos);
    let end = close_of(text, open);
    let segment_at = |key: &str, from: usize, depth: usize| -> Option<usize> {
        let mut d = 0usize;
        let bytes = text.as_bytes();
        let mut j = from;
        while j < end {
            match bytes[j] {
                b'(' => d += 1,
                b')' => d = d.saturating_sub(1),
                _ if d == depth && is_key_at(text, j, key) => return Some(j),
                _ => {}
            }
            j += 1;
        }
        None
    };
    let target = match issue.field {
        Some(path) => match path.split_once('.') {
            Some((outer, inner)) => segment_at(outer, open, 1).and_then(|o| {
                let o_open = o + text[o..].find('(').unwrap_or(0);
                let inner_at = {
                    let mut d = 0usize;
                    let mut hit = None;
                    for (k, b) in text.as_bytes()[o_open..end].iter().enumerate() {
                        let j = o_open + k;
                        match b {
                            b'(' => d += 1,
                            b')' => {
                                d = d.saturating_sub(1);
                                if d == 0 {
                                    break;
                                }
                            }
                            _ if d >= 1 && is_key_at(text, j, inner) => {
                                hit = Some(j);
                                break;
                            }
                            _ => {}
                        }
                    }
                    hit
                };
                inner_at.or(Some(o))
            }),
            None => segment_at(path, open, 1),
        },
        None => None,
    };
    loc.position(target.unwrap_or(pos))
}

/// Whether `key:` (a whole word) starts at byte `j`.
fn is_key_at(text: &str, j: usize, key: &str) -> bool {
    let rest = &text[j..];
    if !rest.starts_with(key) {
        return false;
    }
    let before_ok = j == 0
        || !text[..j]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric() || c == '_');
    before_ok && rest[key.len()..].trim_start().starts_with(':')
}

fn find_key(text: &str, from: usize, key: &str) -> Option<usize> {
    let mut at = from;
    while let Some(rel) = text.get(at..)?.find(key) {
        let j = at + rel;
        if is_key_at(text, j, key) {
            return Some(j);
        }
        at = j + key.len();
    }
    None
}

/// The byte after the `)` that closes the `(` at `open`.
fn close_of(text: &str, open: usize) -> usize {
    let mut d = 0usize;
    for (k, b) in text.as_bytes()[open..].iter().enumerate() {
        match b {
            b'(' => d += 1,
            b')' => {
                d = d.saturating_sub(1);
                if d == 0 {
                    return open + k + 1;
                }
            }
            _ => {}
        }
    }
    text.len()
}

/// Problems with `figures`, written in `file`: an unknown exercise, a figure given twice, and
/// whatever [`check_figure`] finds.
pub fn check(figures: &[Figure], file: &SourceText, exercises: &HashSet<&str>) -> Vec<Problem> {
    let loc = Locator::new(&file.text);
    let mut problems = Vec::new();
    let mut seen = HashSet::new();
    for f in figures {
        if !seen.insert(f.exercise.as_str()) {
            problems.push(
                Problem::new(
                    &file.name,
                    loc.field("exercise", &f.exercise, 1),
                    format!("duplicate figure for `{}`", f.exercise),
                )
                .hint("each exercise has one figure per file; remove one of them"),
            );
            continue;
        }
        if !exercises.contains(f.exercise.as_str()) {
            problems.push(
                Problem::new(
                    &file.name,
                    loc.field("exercise", &f.exercise, 0),
                    format!("figure for unknown exercise `{}`", f.exercise),
                )
                .hint("use an exercise id from `exercises`; `rehab exercises` lists them"),
            );
            continue;
        }
        for issue in check_figure(f) {
            problems.push(
                Problem::new(&file.name, place(&file.text, f, &issue), issue.message)
                    .hint(issue.hint),
            );
        }
    }
    problems
}

/// The built-in figures' problems: the file parses, each figure passes, and every built-in
/// exercise has one. Run by `rehab check` and the tests, never at start.
/// An exercise of a user file (`files`) with no figure is reported at its own id there, never at
/// the built-in file's first line.
pub fn builtin_problems(catalog: &Catalog, files: &[SourceText]) -> Vec<Problem> {
    let file = SourceText::new(figure::BUILTIN_NAME, figure::BUILTIN_TEXT);
    let figures = match super::parse_file(&file) {
        Ok(parsed) => parsed.figures,
        Err(problem) => return vec![problem],
    };
    let ids: HashSet<&str> = catalog.exercises.iter().map(|e| e.id.as_str()).collect();
    let mut problems = check(&figures, &file, &ids);
    let builtin = super::BUILTIN_FILES[1];
    for e in &catalog.exercises {
        if figures.iter().any(|f| f.exercise == e.id) || catalog.figure(&e.id).is_some() {
            continue;
        }
        // The file that defines it: a user file's exercise is the user's to draw.
        let user = files.iter().rev().find_map(|f| {
            Locator::new(&f.text)
                .field_offset("id", &e.id, 0)
                .map(|_| f)
        });
        let (name, text, hint) = match user {
            Some(f) => (
                f.name.as_str(),
                f.text.as_str(),
                "add a figure for it to a figures list in the library folder (`rehab figures` \
                 shows the built-in ones)",
            ),
            None => (
                builtin.0,
                builtin.1,
                "add one to assets/figures.ron; every built-in exercise is drawn",
            ),
        };
        problems.push(
            Problem::new(
                name,
                Locator::new(text).field("id", &e.id, 0),
                format!("exercise `{}` has no figure", e.id),
            )
            .hint(hint),
        );
    }
    problems
}
