//! Issue 31, class 6: a library link that passes `rehab check` becomes one link to that address
//! in every Markdown renderer people use, never a `javascript:` link. Read by Python-Markdown and
//! markdown-it (`.ci/run` installs both); without them the test says so and passes, except in CI.

#![allow(clippy::unwrap_used)]

use std::process::Command;

/// A hostile address the check lets through (round brackets stay valid for publishers' links).
const HOSTILE: &str = "https://example.org/x)(javascript:alert(1))*a*_b_&lt;";

const READ_LINKS: &str = r#"
import re, sys
import markdown, markdown_it
text = sys.stdin.read()
for name, html in (("python-markdown", markdown.markdown(text)),
                   ("markdown-it", markdown_it.MarkdownIt().render(text))):
    for href in re.findall(r'href="([^"]*)"', html):
        print(name, href)
"#;

#[test]
fn a_checked_link_is_one_http_link_in_python_markdown_and_markdown_it() {
    let have = Command::new("python3")
        .args(["-c", "import markdown, markdown_it"])
        .status()
        .is_ok_and(|s| s.success());
    if !have {
        assert!(
            !crate::tui_common::under_ci(),
            "python3 with markdown and markdown-it-py is missing; CI must have them"
        );
        eprintln!("markdown renderer test skipped: pip install markdown markdown-it-py");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let library = dir.path().join("library");
    std::fs::create_dir_all(&library).unwrap();
    // The clinic's file replaces a source the runner's-knee plan cites.
    std::fs::write(
        library.join("clinic.ron"),
        format!(
            "(\n    sources: [\n        (\n            key: \"COLL18\",\n            authors: \"Us\",\n            \
             year: 2026,\n            title: \"T\",\n            published: \"P\",\n            url: {},\n        ),\n    ],\n)\n",
            ron::to_string(HOSTILE).unwrap()
        ),
    )
    .unwrap();
    let plan = assert_cmd::Command::cargo_bin("rehab")
        .unwrap()
        .env("REHAB_LIBRARY", &library)
        .env("REHAB_DATA_DIR", dir.path().join("data"))
        .args(["plan", "--condition", "pfps", "--format", "markdown"])
        .output()
        .unwrap();
    assert!(
        plan.status.success(),
        "{}",
        String::from_utf8_lossy(&plan.stderr)
    );
    let mut python = Command::new("python3")
        .args(["-c", READ_LINKS])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    std::io::Write::write_all(python.stdin.as_mut().unwrap(), &plan.stdout).unwrap();
    let read = python.wait_with_output().unwrap();
    assert!(read.status.success());
    let links = String::from_utf8(read.stdout).unwrap();
    for renderer in ["python-markdown", "markdown-it"] {
        let hrefs: Vec<&str> = links
            .lines()
            .filter_map(|l| l.strip_prefix(renderer)?.strip_prefix(' '))
            .collect();
        assert!(!hrefs.is_empty(), "{renderer} read no links");
        for href in &hrefs {
            assert!(
                href.starts_with("https://") || href.starts_with("http://"),
                "{renderer}: {href}"
            );
        }
        // The hostile address is one link to its own host, whole.
        let ours: Vec<&&str> = hrefs.iter().filter(|h| h.contains("example.org")).collect();
        assert_eq!(ours.len(), 1, "{renderer}: {hrefs:?}");
        assert!(
            ours[0].starts_with("https://example.org/x)(javascript:alert(1))"),
            "{renderer}: {}",
            ours[0]
        );
    }
}
