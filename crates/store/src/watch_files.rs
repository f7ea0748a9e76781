//! Reading a watch's files for `rehab runs import`: files as given, folders for the GPX, TCX
//! and FIT files in them (and their subfolders, a few levels down), or one file from standard
//! input. Each file is read within the size limit and handed to `runs::parse`; a file that
//! cannot be read is refused whole like a broken one.

use std::io::Read;
use std::path::{Path, PathBuf};

use super::files::{self, Limit};
use crate::runs::{FileError, FileRead, MAX_FILE_BYTES, parse};

/// How deep into subfolders a folder is searched.
const MAX_DEPTH: usize = 4;

/// Every watch file under `paths` (a folder's files in name order), read and parsed. `-` reads
/// standard input (`stdin`) once.
pub fn read_watch_files(paths: &[PathBuf], stdin: &mut dyn Read) -> Vec<FileRead> {
    let mut out = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            out.push(from_stdin(stdin));
        } else if path.is_dir() {
            let mut found = Vec::new();
            collect(path, 0, &mut found);
            found.sort();
            out.extend(found.iter().map(|p| from_file(p)));
        } else {
            out.push(from_file(path));
        }
    }
    out
}

fn collect(dir: &Path, depth: usize, found: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        if kind.is_dir() && depth < MAX_DEPTH {
            collect(&path, depth + 1, found);
        } else if kind.is_file()
            && crate::runs::Format::by_name(&entry.file_name().to_string_lossy())
        {
            found.push(path);
        }
    }
}

fn from_file(path: &Path) -> FileRead {
    let name = crate::text::path(path);
    let read = match files::read(path, Limit::WatchFile) {
        Ok(bytes) => parse(&name, &bytes),
        Err(e) => Err(FileError {
            file: name.clone(),
            at: "byte 1".into(),
            message: super::describe_io(&e),
        }),
    };
    FileRead { name, read }
}

fn from_stdin(stdin: &mut dyn Read) -> FileRead {
    let name = "standard input".to_string();
    let mut bytes = Vec::new();
    let mut limited = stdin.take(MAX_FILE_BYTES as u64 + 1);
    let read = match limited.read_to_end(&mut bytes) {
        Ok(_) => parse(&name, &bytes),
        Err(e) => Err(FileError {
            file: name.clone(),
            at: format!("byte {}", bytes.len() + 1),
            message: e.to_string(),
        }),
    };
    FileRead { name, read }
}

/// Tab completion of a typed path to a watch's file or folder: the longest common start of the
/// entries of its folder that begin with its last part (folders, and GPX, TCX and FIT files;
/// hidden entries only when the part starts with a dot), a folder ending in `/`. `None` when
/// nothing matches or nothing would be added.
pub fn complete_path(typed: &str) -> Option<String> {
    let (dir, part) = match typed.rfind('/') {
        Some(i) => (&typed[..=i], &typed[i + 1..]),
        None => ("", typed),
    };
    let listed = if dir.is_empty() { "." } else { dir };
    let mut matches: Vec<String> = std::fs::read_dir(listed)
        .ok()?
        .flatten()
        .filter_map(|entry| {
            let name = entry.file_name().to_str()?.to_string();
            let folder = entry.path().is_dir();
            let wanted = name.starts_with(part)
                && (part.starts_with('.') || !name.starts_with('.'))
                && (folder || crate::runs::Format::by_name(&name));
            wanted.then(|| if folder { format!("{name}/") } else { name })
        })
        .collect();
    matches.sort();
    let mut common = matches.first()?.clone();
    for m in &matches[1..] {
        let same: usize = common
            .chars()
            .zip(m.chars())
            .take_while(|(a, b)| a == b)
            .map(|(a, _)| a.len_utf8())
            .sum();
        common.truncate(same);
    }
    let completed = format!("{dir}{common}");
    (completed.len() > typed.len()).then_some(completed)
}
