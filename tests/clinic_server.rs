//! The clinic server (issue 16) against a real sshd on 127.0.0.1 (see `clinic_support`): a
//! patient's key opens that patient's Today and nothing else, a revoked key stops working,
//! twenty patients tick at once, and the clinician's overview sees it all. The last test
//! checks the app's side of the lock directly, without ssh.
#![allow(clippy::unwrap_used)]

use crate::clinic_support;
use crate::handover_support;

use std::fs;
use std::path::Path;

use clinic_support::{REHAB, Server, finish, run, spawn};
use handover_support::{red_flag_ids, snapshot};

fn dones(journal: &str) -> usize {
    journal.matches("Done(").count()
}

#[test]
fn a_patients_key_opens_their_today_and_two_sessions_see_each_others_ticks() {
    let Some(server) = Server::start(&["anna", "bob"]) else {
        return;
    };
    let mut phone = server.app("anna");
    phone.wait_for("0 of ");
    let tabs = phone
        .contents()
        .lines()
        .next()
        .unwrap_or_default()
        .to_string();
    assert!(tabs.contains("Today") && tabs.contains("anna"), "{tabs}");
    assert!(
        !tabs.contains("Clinic"),
        "a patient sees the Clinic tab: {tabs}"
    );
    let mut laptop = server.app("anna");
    laptop.wait_for("0 of ");
    phone.send(" ");
    phone.wait_for("done, saved");
    // The other session picks the tick up before acting on its next key.
    laptop.send("j");
    laptop.wait_for("1 of ");
    phone.send("q");
    laptop.send("q");
    assert_eq!(phone.finish().0.exit_code(), 0);
    assert_eq!(laptop.finish().0.exit_code(), 0);
    assert_eq!(
        dones(&server.journal("anna")),
        1,
        "{}",
        server.journal("anna")
    );
    assert_eq!(dones(&server.journal("bob")), 0);

    let (code, out) = server.ssh("anna", &[], &["today"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("1 of "), "{out}");
    let (code, out) = server.ssh("anna", &[], &["done", "2"]);
    assert_eq!(code, 0, "{out}");
    assert_eq!(dones(&server.journal("anna")), 2);
    assert_eq!(dones(&server.journal("bob")), 0);
}

#[test]
fn every_attempt_to_reach_further_is_refused_and_changes_nothing() {
    let Some(server) = Server::start(&["anna", "bob"]) else {
        return;
    };
    let tmp = server.dir.path();
    let marker = tmp.join("marker");
    let m = marker.display().to_string();
    let evil = tmp.join("evil");
    let e = evil.display().to_string();
    let local = server
        .rehab()
        .args(["--profile", "anna", "today"])
        .output()
        .unwrap();
    let today = String::from_utf8(local.stdout).unwrap();
    assert!(today.contains("0 of "), "{today}");
    let (code, out) = server.ssh("anna", &[], &["today"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains(&today), "{out}");
    let before = snapshot(&server.data);
    let keys_before = fs::read(&server.keys_file).unwrap();

    let attempts: Vec<Vec<String>> = [
        vec!["--profile", "bob", "today"],
        vec!["today", "--profile", "bob"],
        vec!["today", "--profile=bob"],
        vec!["--data-dir", &e, "today"],
        vec!["today", "--data-dir", &e],
        vec!["today", "--library", &e],
        vec!["plan", "-o", &format!("{e}/plan.html")],
        vec!["report", "--output", &format!("{e}/report.html")],
        vec!["profile", "list"],
        vec!["profile", "new", "eve", "--condition", "pfps"],
        vec!["profile", "export", "bob"],
        vec!["clinic"],
        vec!["clinic", "keys"],
        vec!["paths"],
        vec![&format!("done 1; touch {m}")],
        vec![&format!("done 1 && touch {m}")],
        vec![&format!("today $(touch {m})")],
        vec![&format!("today `touch {m}`")],
        vec![&format!("today | tee {m}")],
        vec![&format!("today > {m}")],
        vec!["sh", "-c", &format!("'touch {m}'")],
        vec!["/bin/sh"],
    ]
    .into_iter()
    .map(|a| a.into_iter().map(String::from).collect())
    .collect();
    for attempt in &attempts {
        let words: Vec<&str> = attempt.iter().map(String::as_str).collect();
        let (code, out) = server.ssh("anna", &[], &words);
        assert_ne!(code, 0, "{attempt:?} ran: {out}");
        // The account's shell rc files may print too (the test machine's, not rehab's).
        let said: Vec<&str> = out.lines().filter(|l| l.starts_with("rehab:")).collect();
        assert_eq!(said.len(), 1, "{attempt:?}: {out}");
        assert!(said[0].contains("refused"), "{attempt:?}: {out}");
    }

    // The client's variables reach the account (the clinician's full login prints one), and
    // the locked session ignores every one of them.
    let set_env = format!(
        "SetEnv=REHAB_PROFILE=bob REHAB_DATA_DIR={e} REHAB_LIBRARY={e} XDG_CONFIG_HOME={e} \
         XDG_DATA_HOME={e} REHAB_TODAY=2020-01-06"
    );
    let env = ["-o", set_env.as_str()];
    let (code, out) = server.ssh("clinician", &env, &["printenv", "REHAB_PROFILE"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.lines().any(|l| l.trim() == "bob"), "{out}");
    let (code, out) = server.ssh("anna", &env, &["today"]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains(&today),
        "the client's variables changed it: {out}"
    );

    // Forwarding: sshd's `restrict` refuses a stdio forward and a remote port forward.
    let target = format!("127.0.0.1:{}", server.port);
    let (code, out) = run(server.ssh_command("anna", &["-W", &target], &[]));
    assert_ne!(code, 0, "-W: {out}");
    assert!(out.contains("forwarding failed"), "-W: {out}");
    let remote = format!("127.0.0.1:0:{target}");
    let (code, out) = run(server.ssh_command(
        "anna",
        &["-N", "-o", "ExitOnForwardFailure=yes", "-R", &remote],
        &[],
    ));
    assert_ne!(code, 0, "-R: {out}");
    assert!(out.contains("forwarding failed"), "-R: {out}");

    assert_eq!(snapshot(&server.data), before, "something was written");
    assert_eq!(fs::read(&server.keys_file).unwrap(), keys_before);
    assert!(!marker.exists(), "a shell ran the command");
    assert!(!evil.exists(), "the client's folder was used");
}

#[test]
fn a_revoked_key_no_longer_gets_in_and_every_other_line_stays() {
    let others: &[u8] = b"# the clinic's admin\r\n\n\
        ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQ admin@host\n\
        command=\"/bin/date\",restrict ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGRhdGU date\n";
    let Some(server) = Server::start_with(&["anna", "bob"], others) else {
        return;
    };
    let before = fs::read(&server.keys_file).unwrap();
    let (code, out) = server.ssh("anna", &[], &["today"]);
    assert_eq!(code, 0, "{out}\n{}", server.sshd_log());
    let mut revoke = server.rehab();
    revoke.args(["clinic", "revoke", "anna", "--authorized-keys"]);
    revoke.arg(&server.keys_file);
    let (code, out) = run(revoke);
    assert_eq!(code, 0, "{out}");

    // Exactly anna's line went; every other byte is where it was.
    let expected: Vec<u8> = before
        .split_inclusive(|b| *b == b'\n')
        .filter(|l| !String::from_utf8_lossy(l).contains("--locked anna"))
        .flatten()
        .copied()
        .collect();
    let after = fs::read(&server.keys_file).unwrap();
    assert_eq!(after, expected);
    assert!(after.starts_with(others));
    assert!(after.len() < before.len());

    let (code, out) = server.ssh("anna", &[], &["today"]);
    assert_eq!(code, 255, "a revoked key got in: {out}");
    assert!(out.contains("Permission denied"), "{out}");
    assert_eq!(server.ssh("bob", &[], &["today"]).0, 0);

    let mut keys = server.rehab();
    keys.args(["clinic", "keys", "--authorized-keys"]);
    keys.arg(&server.keys_file);
    let (code, out) = run(keys);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("profile bob") && !out.contains("profile anna"),
        "{out}"
    );
}

#[test]
fn twenty_patients_ticking_at_once_lose_nothing() {
    let names: Vec<String> = (1..=20).map(|n| format!("p{n:02}")).collect();
    let refs: Vec<&str> = names.iter().map(String::as_str).collect();
    let Some(server) = Server::start(&refs) else {
        return;
    };
    let running: Vec<_> = names
        .iter()
        .map(|n| spawn(&mut server.ssh_command(n, &["-tt"], &["done", "1", "2", "3"])))
        .collect();
    for (name, child) in names.iter().zip(running) {
        let (code, out) = finish(child);
        assert_eq!(code, 0, "{name}: {out}");
    }
    for name in &names {
        let journal = server.journal(name);
        assert_eq!(dones(&journal), 3, "{name}:\n{journal}");
    }
}

#[test]
fn the_clinicians_overview_shows_what_the_patients_just_did() {
    let Some(server) = Server::start(&["anna", "bob"]) else {
        return;
    };
    let data = server.data.display().to_string();
    let overview = || {
        let (code, out) = server.ssh("clinician", &[], &[REHAB, "--data-dir", &data, "clinic"]);
        assert_eq!(code, 0, "{out}");
        out
    };
    let row = |text: &str, name: &str| {
        text.lines()
            .find(|l| l.starts_with(name))
            .unwrap_or_else(|| panic!("no row for {name}:\n{text}"))
            .to_string()
    };
    let before = overview();
    let (code, out) = server.ssh("anna", &[], &["done", "1", "2", "3"]);
    assert_eq!(code, 0, "{out}");
    let after = overview();
    assert_ne!(row(&before, "anna"), row(&after, "anna"), "{after}");
    assert_eq!(row(&before, "bob"), row(&after, "bob"));
    assert!(row(&after, "anna").contains(&jiff::Zoned::now().date().to_string()));
}

/// The app's side of the lock, at the disk where its effects are performed: the same policy
/// refuses another profile, a new one, an import, the overview and a path; a file name goes
/// into the profile's export folder.
#[test]
fn the_apps_disk_asks_the_lock_before_each_effect() {
    use rehab_planner::clinic::Lock;
    use rehab_planner::tui::action::Action;
    use rehab_planner::tui::app::{App, Effect, ExportWeeks};
    use rehab_planner::tui::disk::Disk;

    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let no = red_flag_ids().join(",");
    for args in [
        vec!["profile", "new", "anna", "--condition", "pfps"],
        vec!["profile", "new", "bob", "--condition", "pfps"],
        // Answered, so anna has a plan to export.
        vec!["--profile", "anna", "screen", "--no", &no],
    ] {
        let out = std::process::Command::new(REHAB)
            .arg("--data-dir")
            .arg(&data)
            .args(args)
            .env_remove("REHAB_PROFILE")
            .env_remove("REHAB_TODAY")
            .output()
            .unwrap();
        assert!(out.status.success(), "{out:?}");
    }
    let lock = Lock::new("anna", Some(&data), None).unwrap();
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
    assert_eq!(
        app.loaded().profiles,
        ["anna"],
        "the other patients' names leaked"
    );

    let export = |path: &str| {
        app.export_effect(
            rehab_planner::export::Format::Text,
            path.into(),
            ExportWeeks::ThisWeek,
            false,
        )
    };
    use rehab_planner::session::Change;
    let outside = dir.path().join("plan.txt").display().to_string();
    let bob = rehab_planner::profile::Profile::new(
        "bob",
        "pfps",
        rehab_planner::plan::Settings::new(today),
    );
    let eve = rehab_planner::profile::Profile {
        name: "eve".into(),
        ..bob.clone()
    };
    // Anna's own profile with her plan changed, and a clinician's assessment: the clinic's.
    let mut settings = app.loaded().profile.clone().expect("anna is open").settings;
    settings.minutes += 10;
    let replanned = Change::patch(
        rehab_planner::profile::Patch::settings(settings, today),
        Vec::new(),
    );
    let assessed = rehab_planner::journal::Record::Assessed {
        date: today,
        by: Some("anna".into()),
    };
    for effect in [
        Effect::Change(Box::new(replanned)),
        Effect::Append(assessed.clone()),
        Effect::Change(Box::new(Change::records(vec![assessed]))),
        export(&outside),
        export("../plan.txt"),
        Effect::SwitchProfile("bob".into()),
        Effect::Change(Box::new(Change::create(bob, Vec::new()))),
        Effect::Change(Box::new(Change::create(eve, Vec::new()))),
        Effect::ReadPrescription("/etc/passwd".into()),
        Effect::ReadClinic { today },
    ] {
        let done = disk.perform(effect.clone());
        assert!(
            matches!(done, Some(Action::Failed(_))),
            "{effect:?}: {done:?}"
        );
    }
    assert!(!Path::new(&outside).exists());
    assert!(!data.join("profiles/eve").exists());

    let done = disk.perform(export("plan.txt"));
    assert!(matches!(done, Some(Action::Exported(_))), "{done:?}");
    assert!(data.join("exports/anna/plan.txt").is_file());
}

#[test]
fn a_locked_apps_forms_that_the_lock_refuses_do_not_open() {
    use crate::tui_common::show;
    use rehab_planner::clinic::Lock;
    use rehab_planner::tui::action::Action;
    use rehab_planner::tui::app::App;
    use rehab_planner::tui::app::View;
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let lock = Lock::new("anna", Some(&data), None).unwrap();
    let catalog = rehab_planner::catalog::Catalog::builtin().unwrap();
    let theme = rehab_planner::tui::theme::Theme::new(false, true);
    let today = jiff::civil::date(2026, 11, 25);
    let unlocked = App::new(catalog, Default::default(), theme, today, "anna".into());
    let mut app = unlocked.clone().with_lock(lock);
    let profile = rehab_planner::profile::Profile::new(
        "anna",
        "pfps",
        rehab_planner::plan::Settings::new(today),
    );
    app.load(profile.clone(), &[]);
    assert!(!app.tabs().contains(&View::Clinic));
    show(&mut app, View::Profiles);
    let hints: Vec<Action> = View::Profiles
        .hints(&app)
        .into_iter()
        .map(|(a, _)| a)
        .collect();
    for refused in [Action::New, Action::Import, Action::Edit] {
        assert!(
            !hints.contains(&refused),
            "{refused:?} is offered: {hints:?}"
        );
    }
    for action in [Action::New, Action::Import, Action::Edit] {
        app.update(action.clone());
        assert!(!app.typing(), "{action:?} opened a form the lock refuses");
        let said = app.status().map(|s| s.text.clone()).unwrap_or_default();
        assert!(
            said.contains("clinic") || said.contains("physiotherapist"),
            "{action:?}: {said}"
        );
    }
    show(&mut app, View::Program);
    app.update(Action::Edit);
    assert!(
        matches!(app.screen(), rehab_planner::tui::app::Screen::Main),
        "the set-up form opened"
    );
    // Without a lock the same keys open their forms.
    let mut app = unlocked;
    app.load(profile, &[]);
    show(&mut app, View::Profiles);
    app.update(Action::New);
    assert!(app.typing());
}
