//! Reads user library files; a file that cannot be read becomes a problem, never a crash.

use std::path::{Path, PathBuf};

use crate::catalog::{Problem, SourceText};

/// Every `*.ron` file in `dir`, sorted by name so overrides apply in a predictable order.
/// A missing folder is an empty library.
pub fn read_library_dir(dir: &Path) -> (Vec<SourceText>, Vec<Problem>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return (Vec::new(), Vec::new()),
        Err(e) => {
            let name = crate::text::path(dir);
            return (
                Vec::new(),
                vec![Problem::new(
                    &name,
                    (1, 1),
                    format!("cannot read the library folder: {e}"),
                )],
            );
        }
    };
    // Every `.ron` name but a folder is read, so a pipe or a device there is reported (by the
    // read's refusal), never skipped in silence nor waited on.
    let mut paths: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "ron") && !p.is_dir())
        .collect();
    paths.sort();
    read_library_files(&paths)
}

/// The given files; unreadable or non-UTF-8 ones are reported as problems.
pub fn read_library_files(paths: &[PathBuf]) -> (Vec<SourceText>, Vec<Problem>) {
    let mut files = Vec::new();
    let mut problems = Vec::new();
    for path in paths {
        let name = crate::text::path(path);
        match super::files::read(path, super::files::Limit::Library) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(text) => files.push(SourceText::new(name, text)),
                Err(e) => {
                    let offset = e.utf8_error().valid_up_to();
                    let text = String::from_utf8_lossy(&e.into_bytes()[..offset]).into_owned();
                    let line = text.matches('\n').count() + 1;
                    let column = text.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
                    problems.push(
                        Problem::new(&name, (line, column), "the file is not valid UTF-8 text")
                            .hint("save it as UTF-8"),
                    );
                }
            },
            Err(e) => problems.push(Problem::new(
                &name,
                (1, 1),
                match super::files::Refused::of(&e) {
                    Some(refused) => format!("cannot read the file: {}", refused.reason()),
                    None => format!("cannot read the file: {e}"),
                },
            )),
        }
    }
    (files, problems)
}
