//! Reads the built-in library at build time, so a start decodes compact bytes instead of parsing
//! 220 KB of RON (issue 19: the parse was a quarter of a start's work).
//!
//! Writes into `OUT_DIR`:
//! - `builtin_files.rs`: `BUILTIN_FILES`, each built-in file's shown name and text (the one list
//!   of them; `catalog.rs` includes it);
//! - `builtin-library.bin`: the files parsed with the library's own types, in postcard's bytes,
//!   where each text is its plain UTF-8, which a start borrows instead of copying (see
//!   `library_text.rs`). When a file does not parse, it is left empty and the program parses
//!   the text at start, so the error is reported at its file, line and column as for any
//!   library file.

use std::path::Path;

// The library's types, shared with the program (they use nothing else of the crate).
#[allow(dead_code)]
#[path = "src/figure/model.rs"]
mod figure;
// (Here `Text` is `String`, so its conversions from `String` do nothing.)
#[allow(dead_code, clippy::useless_conversion)]
#[path = "src/catalog/model.rs"]
mod model;
use model::Text;

/// The library's string type as written: the program's `Text` is written and read as a plain
/// string too, and only its reading (borrowing from these bytes) needs to be its own.
mod library_text {
    pub type Text = String;
}

/// The built-in library files, in the order they are merged.
const FILES: [&str; 5] = [
    "sources.ron",
    "exercises.ron",
    "conditions.ron",
    "screening.ron",
    "education.ron",
];

fn main() {
    let root = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=src/catalog/model.rs");
    println!("cargo::rerun-if-changed=src/figure/model.rs");

    let mut list = String::from(
        "/// The built-in library, embedded so `rehab` works with no set-up (written by build.rs).\n\
         pub const BUILTIN_FILES: [(&str, &str); 5] = [\n",
    );
    let mut parsed = Vec::new();
    let mut texts = Vec::new();
    let mut failed = false;
    for name in FILES {
        // The built-in library lives at the top of the repository, beside the binary crate.
        let path = Path::new(&root).join("../../assets").join(name);
        println!("cargo::rerun-if-changed={}", path.display());
        list.push_str(&format!(
            "    ({:?}, include_str!({:?})),\n",
            format!("<built-in>/{name}"),
            path.display().to_string()
        ));
        let text = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("reading {}: {e}", path.display()));
        match ron::from_str::<model::LibraryFile>(&text) {
            Ok(file) => parsed.push((format!("<built-in>/{name}"), file)),
            Err(err) => {
                println!(
                    "cargo::warning=assets/{name}:{}:{}: {} (rehab will report it at start)",
                    err.position.line, err.position.col, err.code
                );
                failed = true;
            }
        }
        texts.push(text);
    }
    list.push_str("];\n");
    list.push_str(&format!(
        "/// A hash of the built-in files' text (see `Catalog::fingerprint`).\n\
         pub const BUILTIN_FINGERPRINT: u64 = {:#x};\n",
        fingerprint(&texts)
    ));
    write(&out, "builtin_files.rs", list.as_bytes());
    let bytes = if !failed {
        postcard::to_stdvec(&parsed).expect("the library's types serialize")
    } else {
        Vec::new()
    };
    write(&out, "builtin-library.bin", &bytes);
}

/// FNV-1a over the texts: stable from build to build, unlike the standard library's hasher.
fn fingerprint(texts: &[String]) -> u64 {
    texts
        .iter()
        .flat_map(|t| t.bytes().chain([0xff]))
        .fold(0xcbf2_9ce4_8422_2325, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
        })
}

/// Writes only what changed, so an unchanged library does not rebuild the crate.
fn write(dir: &str, name: &str, bytes: &[u8]) {
    let path = Path::new(dir).join(name);
    if std::fs::read(&path).is_ok_and(|old| old == bytes) {
        return;
    }
    std::fs::write(&path, bytes).unwrap_or_else(|e| panic!("writing {}: {e}", path.display()));
}
