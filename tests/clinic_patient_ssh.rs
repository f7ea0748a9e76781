//! A patient's own commands over real ssh (issue 30): a note in their own words lands, files
//! come back on standard output byte for byte, and what is off the allow-list is still refused.
#![allow(clippy::unwrap_used)]

mod clinic_support;
mod handover_support;
mod pty_support;

use clinic_support::Server;

#[test]
fn a_note_in_the_patients_own_words_lands_and_the_allow_list_holds() {
    let Some(server) = Server::start(&["anna"]) else {
        return;
    };
    // ssh joins its arguments with spaces; the remote line is split by shell word rules.
    let (code, out) = server.ssh("anna", &[], &["note", r#""couldn't finish! 🏃‍♀️ knee ok?""#]);
    assert_eq!(code, 0, "{out}");
    let (code, out) = server.ssh("anna", &[], &["note", "Felt fine, 20 min"]);
    assert_eq!(code, 0, "{out}");
    // Read back through rehab, not the journal's RON escapes.
    let out = server
        .rehab()
        .args(["--profile", "anna", "export-data", "--format", "json"])
        .output()
        .unwrap();
    let data = String::from_utf8(out.stdout).unwrap();
    assert!(data.contains("couldn't finish! 🏃‍♀️ knee ok?"), "{data}");
    assert!(data.contains("Felt fine, 20 min"), "{data}");

    let before = server.journal("anna");
    for attempt in [
        vec!["note", "--profile", "bob", "hi"],
        vec!["note", "hi", "--data-dir", "/tmp"],
        vec!["note", "'not closed"],
        vec!["profile", "list"],
        vec!["skip", "1", "--reason", r#""couldn't finish!""#],
        vec!["today", "'$(id)'"],
    ] {
        let (code, out) = server.ssh("anna", &[], &attempt);
        assert_ne!(code, 0, "{attempt:?} ran: {out}");
        let said: Vec<&str> = out.lines().filter(|l| l.starts_with("rehab:")).collect();
        assert_eq!(said.len(), 1, "{attempt:?}: {out}");
        assert!(said[0].contains("refused"), "{attempt:?}: {out}");
    }
    assert_eq!(server.journal("anna"), before);
}
