//! Each format of the fixed plan, as committed snapshots (read them when they change).

use crate::export_support;

use rehab_planner::export::{self, TEXT_WIDTH};

#[test]
fn text_snapshot() {
    let text = export::text(&export_support::input_with_history(), false);
    insta::assert_snapshot!("plan_text", text);
}

#[test]
fn ascii_text_snapshot() {
    let text = export::text(&export_support::input_with_history(), true);
    assert!(text.is_ascii(), "ASCII-only text has non-ASCII characters");
    insta::assert_snapshot!("plan_text_ascii", text);
}

#[test]
fn markdown_snapshot() {
    insta::assert_snapshot!(
        "plan_markdown",
        export::markdown(&export_support::input_with_history())
    );
}

#[test]
fn html_snapshot() {
    // One tag per line so a change reads as a small diff; the HTML itself has no newlines.
    let html = export::html(&export_support::input_with_history());
    insta::assert_snapshot!("plan_html", html.replace("><", ">\n<"));
}

#[test]
fn text_lines_fit_80_columns_in_both_modes() {
    for ascii in [false, true] {
        let text = export::text(&export_support::input_with_history(), ascii);
        for (n, line) in text.lines().enumerate() {
            let width = line.chars().count();
            assert!(
                width <= TEXT_WIDTH,
                "line {} is {width} wide: {line}",
                n + 1
            );
        }
    }
}

#[test]
fn same_input_same_bytes() {
    let input = export_support::input_with_history();
    assert_eq!(export::html(&input), export::html(&input));
    assert_eq!(export::text(&input, false), export::text(&input, false));
}

/// The one-page sheet for the fridge, in each format.
#[test]
fn sheet_snapshots() {
    let mut input = export_support::input(1);
    input.options.sheet = true;
    insta::assert_snapshot!("sheet_text", export::text(&input, false));
    insta::assert_snapshot!("sheet_markdown", export::markdown(&input));
    insta::assert_snapshot!("sheet_html", export::html(&input).replace("><", ">\n<"));
}
