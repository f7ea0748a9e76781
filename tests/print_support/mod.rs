//! Printing HTML the way a browser prints it, for the print tests: headless Chromium with its
//! default header and footer left on, then poppler's tools to read the PDF.
//!
//! Without the tools a test says why and passes, except under CI=true, where `.ci/run` installs
//! them and their absence is a failure.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

/// The first of `names` on the PATH.
pub fn on_path(names: &[&str]) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    names.iter().find_map(|name| {
        std::env::split_paths(&path)
            .map(|dir| dir.join(name))
            .find(|p| p.is_file())
    })
}

/// The printing tools.
pub struct Tools {
    pub chromium: PathBuf,
    pub pdftotext: PathBuf,
    pub pdfinfo: PathBuf,
}

/// The tools, or None (after saying why) when one is missing outside CI.
pub fn tools() -> Option<Tools> {
    let chromium = on_path(&["chromium", "chromium-browser", "google-chrome"]);
    let pdftotext = on_path(&["pdftotext"]);
    let pdfinfo = on_path(&["pdfinfo"]);
    match (chromium, pdftotext, pdfinfo) {
        (Some(chromium), Some(pdftotext), Some(pdfinfo)) => Some(Tools {
            chromium,
            pdftotext,
            pdfinfo,
        }),
        missing => {
            let said = |found: bool| if found { "found" } else { "missing" };
            let why = format!(
                "print test skipped: chromium {} / pdftotext {} / pdfinfo {} (apt-get install \
                 chromium poppler-utils)",
                said(missing.0.is_some()),
                said(missing.1.is_some()),
                said(missing.2.is_some()),
            );
            assert!(!crate::tui_common::under_ci(), "{why}; CI must have them");
            eprintln!("{why}");
            None
        }
    }
}

/// Prints `html` to `pdf` with a fresh browser profile in `profile`.
pub fn print_to_pdf(chromium: &Path, html: &Path, pdf: &Path, profile: &Path) {
    let out = Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(format!("file://{}", html.display()))
        .output()
        .expect("chromium runs");
    assert!(
        pdf.is_file(),
        "chromium made no PDF: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}
