//! The figure contact sheet (`rehab figures --format html`) printed by headless Chromium with
//! its default header and footer: the sheet leaves them no room (a zero page margin, its own
//! padding instead), so the PDF carries no `file://` path, and the sheet is printed whole.
//!
//! Without chromium or pdftotext the test says why and passes, except under CI=true.

#![allow(clippy::unwrap_used)]

use std::process::Command;

use crate::print_support;

use print_support::print_to_pdf;

#[test]
fn the_figure_sheet_prints_without_the_browsers_file_path() {
    let Some(print_support::Tools {
        chromium,
        pdftotext,
        ..
    }) = print_support::tools()
    else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let html = dir.path().join("sheet.html");
    let out = Command::new(env!("CARGO_BIN_EXE_rehab"))
        .env("REHAB_DATA_DIR", dir.path())
        .env("REHAB_LIBRARY", dir.path().join("no-library"))
        .args(["figures", "--format", "html", "-o"])
        .arg(&html)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let pdf = dir.path().join("sheet.pdf");
    print_to_pdf(&chromium, &html, &pdf, &dir.path().join("profile"));
    let text = Command::new(pdftotext).arg(&pdf).arg("-").output().unwrap();
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(!text.contains("file://"), "{text}");
    assert!(!text.contains("sheet.html"), "{text}");
    // The first and the last figure printed (long ids wrap, so short ones are looked for).
    assert!(
        text.contains("quad-set") && text.contains("easy-run"),
        "{text}"
    );
}
