//! The exercise and condition library: the built-in RON files plus a clinic's own, merged by id
//! and validated, with every problem pinned to `file:line:column`.

mod clean;
pub use clean::{MapText, TextFn};
mod describe;
#[cfg(test)]
mod figure_cards;
pub mod figures;
pub mod limits;
pub mod model;
mod problem;
mod validate;

use rustc_hash::FxHashMap;

pub use model::*;
pub use problem::Problem;
pub use validate::{check_link, dose_problem};

// `BUILTIN_FILES` (each built-in file's shown name and text) and `BUILTIN_FINGERPRINT`, written
// by build.rs, which also parsed them into `BUILTIN_BYTES` (kept beside `Text`, whose texts
// borrow from them).
include!(concat!(env!("OUT_DIR"), "/builtin_files.rs"));
use crate::library_text::BUILTIN_BYTES;

/// The condition ids the app is built around.
pub const CONDITION_IDS: [&str; 5] = [
    "pfps",
    "itbs",
    "patellar-tendinopathy",
    "meniscus",
    "knee-oa",
];

/// A library file's name (a path to show) and its text.
#[derive(Debug, Clone)]
pub struct SourceText {
    pub name: String,
    pub text: String,
}

impl SourceText {
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Self {
        SourceText {
            name: name.into(),
            text: text.into(),
        }
    }
}

/// The merged, validated library.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Catalog {
    pub sources: Vec<Source>,
    pub exercises: Vec<Exercise>,
    pub conditions: Vec<Condition>,
    pub red_flags: Vec<RedFlag>,
    pub symptom_questions: Vec<SymptomQuestion>,
    pub walk_run: Vec<WalkRunLevel>,
    pub return_to_run: Option<ReturnToRun>,
    pub pain_rules: Option<PainRules>,
    pub education: Vec<Education>,
    pub flag_statements: Vec<FlagStatement>,
    pub return_to_run_checks: Option<RunChecks>,
    /// Figures from library files; the built-in ones are parsed only when asked for
    /// ([`Catalog::figure`]).
    pub figures: Vec<crate::figure::Figure>,
    // Looked up thousands of times at start (every logged item): a fast non-keyed hash.
    pub(crate) exercise_index: FxHashMap<Text, usize>,
    pub(crate) source_index: FxHashMap<Text, usize>,
    pub(crate) fingerprint: u64,
}

/// What loading produced: the catalog, and the problems of any user file left out of it.
#[derive(Debug)]
pub struct Loaded {
    pub catalog: Catalog,
    pub problems: Vec<Problem>,
}

/// Parses one RON library file; a syntax error or unknown field is reported at its position.
pub fn parse_file(file: &SourceText) -> Result<LibraryFile, Problem> {
    match ron::from_str::<LibraryFile>(&file.text) {
        Ok(mut parsed) => {
            parsed.clean_text();
            Ok(parsed)
        }
        Err(err) => {
            let mut at = (err.position.line.max(1), err.position.col.max(1));
            if let ron::Error::NoSuchStructField { found, .. } = &err.code {
                at.1 = field_start(&file.text, at, found);
            }
            let message = crate::text::clean(&err.code.to_string()).into_owned();
            Err(Problem::new(&file.name, at, message).hint(parse_hint(&err.code)))
        }
    }
}

/// ron reports an unknown field just after its name; point at where the name starts instead.
fn field_start(text: &str, (line, column): (usize, usize), field: &str) -> usize {
    let Some(line_text) = text.lines().nth(line - 1) else {
        return column;
    };
    let before: String = line_text.chars().take(column.saturating_sub(1)).collect();
    match before.rfind(field) {
        Some(byte) => before[..byte].chars().count() + 1,
        None => column,
    }
}

fn parse_hint(code: &ron::Error) -> &'static str {
    match code {
        ron::Error::NoSuchStructField { .. } => {
            "remove the field or fix its spelling; `rehab show ID` prints a valid exercise"
        }
        ron::Error::MissingStructField { .. } => "add the missing field",
        ron::Error::NoSuchEnumVariant { .. } => "use one of the listed values",
        _ => "check the brackets, commas and quotes just before this point",
    }
}

impl Catalog {
    /// The built-in library alone. Its validity is guarded by tests, so a problem here is a bug.
    ///
    /// A release start decodes what the build parsed. A debug build (every test) also parses
    /// the text, cleans and validates it, and checks that both agree, so a library the checks
    /// refuse or a decode that differs fails there, at its file, line and column.
    pub fn builtin() -> Result<Catalog, Vec<Problem>> {
        let decoded = decode_builtin();
        if cfg!(debug_assertions) || decoded.is_none() {
            let checked = Catalog::builtin_from_source()?;
            if let Some(decoded) = decoded {
                assert!(
                    decoded == checked,
                    "the built-in library decoded from build.rs's bytes differs from its text"
                );
            }
            return Ok(checked);
        }
        Ok(decoded.unwrap_or_default())
    }

    /// The built-in library parsed from its text, cleaned and validated, as any library file is.
    pub fn builtin_from_source() -> Result<Catalog, Vec<Problem>> {
        let files: Vec<SourceText> = BUILTIN_FILES
            .iter()
            .map(|(name, text)| SourceText::new(*name, *text))
            .collect();
        let mut catalog = Catalog {
            fingerprint: BUILTIN_FINGERPRINT,
            ..Catalog::default()
        };
        let mut problems = Vec::new();
        for file in &files {
            match parse_file(file) {
                Ok(parsed) => {
                    problems.extend(validate::duplicates(&parsed, file));
                    catalog.merge(parsed);
                }
                Err(problem) => problems.push(problem),
            }
        }
        if problems.is_empty() {
            problems = validate::validate(&catalog, &files, true);
        }
        if problems.is_empty() {
            Ok(catalog)
        } else {
            Err(problems)
        }
    }

    /// The built-in library with user files laid over it, file by file in the order given.
    /// A user file with any problem is left out whole, and its problems are returned.
    pub fn load(user_files: &[SourceText]) -> Result<Loaded, Vec<Problem>> {
        let mut catalog = Catalog::builtin()?;
        let mut problems = Vec::new();
        for file in user_files {
            let mut parsed = match parse_file(file) {
                Ok(parsed) => parsed,
                Err(problem) => {
                    problems.push(problem);
                    continue;
                }
            };
            let mut found = validate::duplicates(&parsed, file);
            let drawn = std::mem::take(&mut parsed.figures);
            let mut candidate = catalog.clone();
            candidate.merge(parsed);
            let ids = candidate.exercises.iter().map(|e| e.id.as_str()).collect();
            found.extend(figures::check(&drawn, file, &ids));
            upsert(&mut candidate.figures, drawn, |f| f.exercise.as_str());
            found.extend(validate::validate(
                &candidate,
                std::slice::from_ref(file),
                false,
            ));
            if found.is_empty() {
                candidate.fingerprint = {
                    use std::hash::{Hash, Hasher};
                    let mut h = rustc_hash::FxHasher::default();
                    (catalog.fingerprint, &file.name, &file.text).hash(&mut h);
                    h.finish()
                };
                catalog = candidate;
            } else {
                problems.extend(found);
            }
        }
        Ok(Loaded { catalog, problems })
    }

    /// Adds a file's entries; an entry whose id already exists replaces it in place.
    fn merge(&mut self, file: LibraryFile) {
        let reindex = !file.exercises.is_empty() || !file.sources.is_empty();
        upsert(&mut self.sources, file.sources, |s| s.key.as_str());
        upsert(&mut self.exercises, file.exercises, |e| e.id.as_str());
        upsert(&mut self.conditions, file.conditions, |c| c.id.as_str());
        upsert(&mut self.red_flags, file.red_flags, |f| f.id.as_str());
        upsert(&mut self.symptom_questions, file.symptom_questions, |q| {
            q.id.as_str()
        });
        upsert(&mut self.walk_run, file.walk_run, |l| &l.level);
        if file.return_to_run.is_some() {
            self.return_to_run = file.return_to_run;
        }
        if file.pain_rules.is_some() {
            self.pain_rules = file.pain_rules;
        }
        upsert(&mut self.education, file.education, |e| {
            e.condition.as_str()
        });
        upsert(&mut self.flag_statements, file.flag_statements, |s| {
            s.flag.as_str()
        });
        if file.return_to_run_checks.is_some() {
            self.return_to_run_checks = file.return_to_run_checks;
        }
        upsert(&mut self.figures, file.figures, |f| f.exercise.as_str());
        if reindex {
            self.reindex();
        }
    }

    fn reindex(&mut self) {
        self.exercise_index = index(&self.exercises, |e| &e.id);
        self.source_index = index(&self.sources, |s| &s.key);
    }

    /// Says which library this is: the built-in one's text, then each user file's laid over it.
    /// Weeks worked out and saved with one library are not used with another (a change that
    /// shapes no plan, such as a figure, only costs working them out again).
    pub fn fingerprint(&self) -> u64 {
        self.fingerprint
    }

    pub fn exercise(&self, id: &str) -> Option<&Exercise> {
        self.exercise_index.get(id).map(|&i| &self.exercises[i])
    }

    /// An exercise by id, or "unknown exercise `x`. Did you mean `y`?" for every caller alike.
    pub fn find_exercise(&self, id: &str) -> Result<&Exercise, String> {
        self.exercise(id).ok_or_else(|| {
            format!(
                "unknown exercise `{}`.{}",
                crate::text::clean(id),
                did_you_mean(id, self.exercises.iter().map(|e| e.id.as_str()))
            )
        })
    }

    pub fn source(&self, key: &str) -> Option<&Source> {
        self.source_index.get(key).map(|&i| &self.sources[i])
    }

    pub fn condition(&self, id: &str) -> Option<&Condition> {
        self.conditions
            .iter()
            .find(|c| c.id == id || c.aliases.iter().any(|a| a == id))
    }

    /// The education section of a condition (by id or alias).
    pub fn education(&self, condition: &str) -> Option<&Education> {
        let id = self
            .condition(condition)
            .map_or(condition, |c| c.id.as_str());
        self.education.iter().find(|e| e.condition == id)
    }

    /// The patient-facing statement of a red flag: `Some(None)` when it is screening-only.
    pub fn flag_statement(&self, flag: &str) -> Option<Option<&str>> {
        self.flag_statements
            .iter()
            .find(|s| s.flag == flag)
            .map(|s| s.says.as_deref())
    }

    pub fn red_flag(&self, id: &str) -> Option<&RedFlag> {
        self.red_flags.iter().find(|f| f.id == id)
    }

    pub fn walk_run_level(&self, level: u32) -> Option<&WalkRunLevel> {
        self.walk_run.iter().find(|l| l.level == level)
    }

    /// The highest walk-run level in the library.
    pub fn top_walk_run_level(&self) -> u32 {
        self.walk_run.iter().map(|l| l.level).max().unwrap_or(0)
    }

    /// Exercises a condition's plan can schedule: its phases' exercises with their stand-ins
    /// (alternatives, and every easier step down the regression chain, used for missing
    /// equipment or after a painful session), its run exercises and cross-training, in library
    /// order.
    pub fn exercises_for(&self, condition: &Condition) -> Vec<&Exercise> {
        let mut used: std::collections::HashSet<&str> = std::collections::HashSet::new();
        for phase in &condition.phases {
            for prescribed in &phase.exercises {
                let Some(e) = self.exercise(&prescribed.exercise) else {
                    continue;
                };
                used.insert(e.id.as_str());
                used.extend(e.alternatives.iter().map(Text::as_str));
                let mut step = e;
                // Chains are validated to end; the bound also stops a cycle in unchecked data.
                for _ in 0..self.exercises.len() {
                    let Some(easier) = step.regression.as_deref().and_then(|r| self.exercise(r))
                    else {
                        break;
                    };
                    used.insert(easier.id.as_str());
                    step = easier;
                }
            }
            used.extend(phase.run.exercise.as_deref());
            used.extend(phase.cross_training.iter().map(Text::as_str));
        }
        self.exercises
            .iter()
            .filter(|e| used.contains(e.id.as_str()))
            .collect()
    }
}

/// Lays `items` over `into` by key: one with a key already there replaces it in place, a new
/// one is added at the end; of repeats, the last wins. Keys are borrowed, never copied.
fn upsert<T, K: std::hash::Hash + Eq + ?Sized>(
    into: &mut Vec<T>,
    items: Vec<T>,
    key: impl Fn(&T) -> &K,
) {
    let places: Vec<usize> = {
        let mut at: FxHashMap<&K, usize> =
            into.iter().enumerate().map(|(i, x)| (key(x), i)).collect();
        let mut next = into.len();
        items
            .iter()
            .map(|item| {
                *at.entry(key(item)).or_insert_with(|| {
                    next += 1;
                    next - 1
                })
            })
            .collect()
    };
    for (item, place) in items.into_iter().zip(places) {
        match into.get_mut(place) {
            Some(slot) => *slot = item,
            None => into.push(item),
        }
    }
}

fn index<T>(items: &[T], key: impl Fn(&T) -> &Text) -> FxHashMap<Text, usize> {
    items
        .iter()
        .enumerate()
        .map(|(i, x)| (key(x).clone(), i))
        .collect()
}

/// The closest of `candidates` to `wanted`, for "did you mean" in error messages: one that
/// contains what was typed, or a near spelling.
/// " Did you mean `x`?" for the candidate closest to `wanted`, or nothing.
pub fn did_you_mean<'a>(wanted: &str, candidates: impl IntoIterator<Item = &'a str>) -> String {
    closest(wanted, candidates)
        .map(|n| format!(" Did you mean `{n}`?"))
        .unwrap_or_default()
}

pub fn closest<'a>(wanted: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let wanted = wanted.to_lowercase();
    candidates
        .into_iter()
        .map(|c| {
            let similar = strsim::jaro_winkler(&wanted, c);
            let contains = wanted.len() >= 3 && (c.contains(wanted.as_str()) || wanted.contains(c));
            // Containing what was typed ranks above any near spelling; among those, the most
            // similar wins ("quad-se" -> `quad-set`, not `fx-quad-set`).
            (if contains { 1.0 + similar } else { similar }, c)
        })
        .filter(|(score, _)| *score > 0.9)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

#[cfg(test)]
mod closest_tests {
    use super::closest;

    #[test]
    fn the_most_similar_of_the_containing_ids_wins() {
        let ids = ["quad-set", "fx-quad-set", "clamshell"];
        assert_eq!(closest("quad-se", ids), Some("quad-set"));
        assert_eq!(closest("quad", ids), Some("quad-set"));
        assert_eq!(closest("clamshel", ids), Some("clamshell"));
        assert_eq!(closest("zzz", ids), None);
    }
}

/// The built-in library from build.rs's bytes, when they are there and name the files in order.
/// Decoded from the static bytes themselves, its texts borrow from them (see [`Text`]).
fn decode_builtin() -> Option<Catalog> {
    let files: Vec<(String, LibraryFile)> = postcard::from_bytes(BUILTIN_BYTES).ok()?;
    let names = files.iter().map(|(name, _)| name.as_str());
    if !names.eq(BUILTIN_FILES.iter().map(|(name, _)| *name)) {
        return None;
    }
    let mut catalog = Catalog {
        fingerprint: BUILTIN_FINGERPRINT,
        ..Catalog::default()
    };
    for (_, file) in files {
        catalog.merge(file);
    }
    Some(catalog)
}

#[cfg(test)]
mod upsert_tests {
    use super::upsert;

    #[test]
    fn a_key_already_there_is_replaced_in_place_and_the_last_repeat_wins() {
        let mut into = vec![("a", 1), ("b", 2)];
        upsert(
            &mut into,
            vec![("c", 3), ("a", 4), ("c", 5), ("d", 6)],
            |x| x.0,
        );
        assert_eq!(into, [("a", 4), ("b", 2), ("c", 5), ("d", 6)]);
    }
}

#[cfg(test)]
mod builtin_tests {
    #[test]
    fn the_built_in_bytes_decode_to_the_checked_library() {
        // The release path (build.rs's bytes) against the text parsed, cleaned and validated.
        let decoded = super::decode_builtin().expect("build.rs parsed the built-in files");
        let checked = super::Catalog::builtin_from_source().expect("the built-in library is valid");
        assert!(decoded == checked);
        assert!(!decoded.exercises.is_empty());
        // Each text is the program's own, not a copy.
        let e = &decoded.exercises[0];
        assert!(e.id.is_borrowed() && e.name.is_borrowed() && e.steps[0].is_borrowed());
        assert!(decoded.sources.iter().all(|s| s.title.is_borrowed()));
        // Parsed from the RON text (static too), they are copies.
        assert!(!checked.exercises[0].name.is_borrowed());
    }

    #[test]
    fn texts_decoded_from_other_bytes_or_read_from_ron_are_copies() {
        use super::model::Text;
        let texts: Vec<Text> = ["clamshell", "side plank", ""].map(Text::from).to_vec();
        // Bytes other than the built-in library's, even ones the program keeps for good.
        let bytes: &'static [u8] = Box::leak(
            postcard::to_stdvec(&texts)
                .expect("texts serialize")
                .into_boxed_slice(),
        );
        let read: Vec<Text> = postcard::from_bytes(bytes).expect("they read back");
        assert_eq!(read, texts);
        assert!(!read.iter().any(Text::is_borrowed));
        let read: Vec<Text> = ron::from_str(r#"["clamshell", "side plank"]"#).expect("RON reads");
        assert_eq!(read, texts[..2]);
        assert!(!read.iter().any(Text::is_borrowed));
    }
}
