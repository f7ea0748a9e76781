//! A patient's own commands over real ssh (issue 30): a note in their own words lands, files
//! come back on standard output byte for byte, and what is off the allow-list is still refused.
#![allow(clippy::unwrap_used)]

use crate::clinic_support;

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

/// `ssh ... COMMAND` without a terminal: its standard output as bytes, and its exit code.
fn ssh_bytes(server: &Server, key: &str, command: &[&str]) -> (Option<i32>, Vec<u8>) {
    let out = server
        .ssh_command(key, &[], command)
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    (out.status.code(), out.stdout)
}

#[test]
fn plans_reports_and_the_apps_files_reach_the_patient_byte_for_byte() {
    use rehab_planner::clinic::Lock;
    use rehab_planner::tui::action::Action;
    use rehab_planner::tui::app::App;
    use rehab_planner::tui::app::ExportWeeks;
    use rehab_planner::tui::disk::Disk;

    let Some(server) = Server::start(&["anna", "bob"]) else {
        return;
    };
    for command in [
        &["plan", "--format", "html"][..],
        &["plan", "--format", "markdown", "--sheet"],
        &["report", "--format", "html"],
        &["report", "--weeks", "2"],
    ] {
        let (code, remote) = ssh_bytes(&server, "anna", command);
        assert_eq!(code, Some(0), "{command:?}");
        let local = server
            .rehab()
            .args(["--profile", "anna"])
            .args(command)
            .output()
            .unwrap();
        assert!(local.status.success(), "{command:?}: {local:?}");
        assert!(!remote.is_empty(), "{command:?}");
        assert!(remote == local.stdout, "{command:?} differs over ssh");
    }

    // The app's Export in a locked session writes into the export folder and names, in full,
    // the command that fetches the file; that command's remote part brings it byte for byte.
    let lock = Lock::new("anna", Some(&server.data), None).unwrap();
    let paths = lock.paths();
    let today = jiff::Zoned::now().date();
    let catalog = rehab_planner::catalog::Catalog::builtin().unwrap();
    let theme = rehab_planner::tui::theme::Theme::new(false, true);
    let mut app = App::new(catalog, Default::default(), theme, today, "anna".into());
    let mut disk = Disk::new(paths.clone(), app.context().catalog.clone()).locked(Some(lock));
    for action in disk.open_at_start(
        "anna",
        rehab_planner::store::OpenProfile::open(&paths, "anna"),
    ) {
        app.update(action);
    }
    let effect = app.export_effect(
        rehab_planner::export::Format::Html,
        "anna-plan.html".into(),
        ExportWeeks::ThisWeek,
        false,
    );
    let Some(Action::Exported(said)) = disk.perform(effect) else {
        panic!("not exported")
    };
    assert!(
        said.contains("exports/anna/anna-plan.html on the server")
            && said.contains("@")
            && said.ends_with(" 'fetch anna-plan.html' > anna-plan.html"),
        "{said}"
    );
    let written = std::fs::read(server.data.join("exports/anna/anna-plan.html")).unwrap();
    let (code, fetched) = ssh_bytes(&server, "anna", &["fetch", "anna-plan.html"]);
    assert_eq!(code, Some(0));
    assert!(fetched == written, "the fetched file differs");

    // Only this patient's own folder, by name.
    std::fs::create_dir_all(server.data.join("exports/bob")).unwrap();
    std::fs::write(server.data.join("exports/bob/b.html"), "bob's").unwrap();
    for attempt in [
        &["fetch", "../bob/b.html"][..],
        &["fetch", "/etc/passwd"],
        &["fetch", "missing.html"],
        &["fetch"],
    ] {
        let (code, out) = ssh_bytes(&server, "anna", attempt);
        assert_ne!(code, Some(0), "{attempt:?}");
        assert!(out.is_empty(), "{attempt:?}");
    }
}
