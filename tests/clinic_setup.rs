//! Setting up a clinic server from the README: its sshd block is what `rehab clinic init`
//! prints, and sshd itself (`sshd -t`, `sshd -T`) takes it, included as Debian's
//! `sshd_config` includes its drop-ins. Without sshd the sshd checks say so and pass, except
//! under CI, where they fail (`.ci/run` installs openssh-server).
#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const REHAB: &str = env!("CARGO_BIN_EXE_rehab");

/// The README's one ```sshd_config block.
fn readme_block() -> String {
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let blocks: Vec<&str> = readme
        .split("```sshd_config\n")
        .skip(1)
        .map(|rest| rest.split("```").next().unwrap())
        .collect();
    assert_eq!(blocks.len(), 1, "the README needs one ```sshd_config block");
    blocks[0].to_string()
}

fn sshd() -> Option<PathBuf> {
    let found = ["/usr/sbin/sshd", "/usr/local/sbin/sshd"]
        .iter()
        .map(PathBuf::from)
        .find(|p| p.is_file());
    if found.is_none() {
        assert!(
            !crate::tui_common::under_ci(),
            "sshd is missing; CI must have it (.ci/run installs openssh-server)"
        );
        eprintln!("sshd check skipped: no sshd (apt-get install openssh-server)");
    }
    found
}

fn run(cmd: &mut Command) -> Output {
    cmd.stdin(Stdio::null()).output().unwrap()
}

/// A main config that includes `drop_in` first, as Debian's does, then sets what the drop-in's
/// Match block must win over for its account; with a throwaway host key.
fn debian_like(dir: &Path, drop_in: &str) -> PathBuf {
    let key = dir.join("host_ed25519");
    let made = run(Command::new("ssh-keygen")
        .args(["-q", "-t", "ed25519", "-N", "", "-f"])
        .arg(&key));
    assert!(made.status.success(), "ssh-keygen: {made:?}");
    let part = dir.join("rehab.conf");
    std::fs::write(&part, drop_in).unwrap();
    let main = dir.join("sshd_config");
    std::fs::write(
        &main,
        format!(
            "Include {}\nHostKey {}\nX11Forwarding yes\nAllowTcpForwarding yes\nPermitTunnel yes\n",
            part.display(),
            key.display()
        ),
    )
    .unwrap();
    main
}

/// `sshd -t`'s verdict on `config`: Ok, or what sshd said.
fn sshd_t(sshd: &Path, config: &Path) -> Result<(), String> {
    let _ = std::fs::create_dir_all("/run/sshd");
    let out = run(Command::new(sshd).arg("-t").arg("-f").arg(config));
    if out.status.success() {
        Ok(())
    } else {
        Err(String::from_utf8_lossy(&out.stderr).into_owned())
    }
}

/// The settings sshd would use for a login of `user`.
fn effective(sshd: &Path, config: &Path, user: &str) -> String {
    let out = run(Command::new(sshd)
        .arg("-T")
        .arg("-C")
        .arg(format!("user={user},host=phone,addr=127.0.0.1"))
        .arg("-f")
        .arg(config));
    assert!(out.status.success(), "sshd -T: {out:?}");
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn the_readme_block_is_what_clinic_init_prints() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(Command::new(REHAB)
        .arg("--data-dir")
        .arg(dir.path().join("data"))
        .args(["clinic", "init", "--authorized-keys"])
        .arg(dir.path().join("ssh/authorized_keys")));
    assert!(out.status.success(), "{out:?}");
    assert_eq!(String::from_utf8(out.stdout).unwrap(), readme_block());
    // The Debian package's example is the same file, installed where the package says.
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let example = "docs/examples/sshd_config.d/rehab.conf";
    assert_eq!(
        std::fs::read_to_string(root.join(example)).unwrap(),
        readme_block(),
        "{example} is not what `rehab clinic init` prints"
    );
    let manifest = std::fs::read_to_string(root.join("Cargo.toml")).unwrap();
    let asset = format!(
        "[\"{example}\", \"usr/share/doc/rehab-planner/examples/sshd_config.d/rehab.conf\", \"644\"]"
    );
    assert!(
        manifest.contains(&asset),
        "Cargo.toml's deb assets lack {asset}"
    );
    let said = String::from_utf8(out.stderr).unwrap();
    assert!(said.contains("next:"), "{said}");
}

#[test]
fn the_readme_block_passes_sshd_t_and_fences_only_its_account() {
    let Some(sshd) = sshd() else { return };
    let dir = tempfile::tempdir().unwrap();
    let config = debian_like(dir.path(), &readme_block());
    sshd_t(&sshd, &config).unwrap();
    let rehab = effective(&sshd, &config, "rehab");
    for line in [
        "authenticationmethods publickey",
        "permituserenvironment no",
        "allowtcpforwarding no",
        "allowagentforwarding no",
        "x11forwarding no",
        "permittunnel no",
        "maxstartups 50:30:100",
        "clientaliveinterval 60",
        "strictmodes yes",
    ] {
        assert!(rehab.lines().any(|l| l == line), "{line} missing:\n{rehab}");
    }
    // The Match block ends with its file: the main config's settings hold for everyone else.
    let other = effective(&sshd, &config, "bob");
    assert!(other.lines().any(|l| l == "x11forwarding yes"), "{other}");
}

#[test]
fn sshd_t_refuses_the_block_the_readme_used_to_print() {
    let Some(sshd) = sshd() else { return };
    let dir = tempfile::tempdir().unwrap();
    let old = readme_block().replace(
        "    AuthenticationMethods publickey\n",
        "    AuthenticationMethods publickey\n    PermitUserEnvironment no\n",
    );
    let config = debian_like(dir.path(), &old);
    let said = sshd_t(&sshd, &config).unwrap_err();
    assert!(said.contains("PermitUserEnvironment"), "{said}");
}

#[test]
fn clinic_init_writes_the_drop_in_and_keeps_another_file() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("sshd_config.d/rehab.conf");
    std::fs::create_dir(dir.path().join("sshd_config.d")).unwrap();
    let init = |extra: &[&str]| {
        run(Command::new(REHAB)
            .arg("--data-dir")
            .arg(dir.path().join("data"))
            .args(["clinic", "init", "--user", "clinic", "--sshd-config"])
            .arg(&file)
            .args(extra))
    };
    let out = init(&[]);
    assert!(out.status.success(), "{out:?}");
    let written = std::fs::read_to_string(&file).unwrap();
    assert!(written.contains("\nMatch User clinic\n"), "{written}");
    let said = String::from_utf8(out.stdout).unwrap();
    assert!(
        said.contains("written to") && said.contains("next:"),
        "{said}"
    );
    assert!(said.contains("sshd -t"), "{said}");

    std::fs::write(&file, "Port 2222\n").unwrap();
    let out = init(&[]);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("--force"),
        "{out:?}"
    );
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "Port 2222\n");
    assert!(init(&["--force"]).status.success());
    assert_eq!(std::fs::read_to_string(&file).unwrap(), written);

    let out = run(Command::new(REHAB).args(["clinic", "init", "--user", "a b"]));
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("--user"),
        "{out:?}"
    );
}

/// The man page documents the server: its steps and the same settings `clinic init` prints.
#[test]
fn the_man_page_documents_the_clinic_server() {
    let man = run(Command::new(REHAB).arg("man"));
    let page = String::from_utf8_lossy(&man.stdout);
    let section = page
        .split(".SH \"CLINIC SERVER\"")
        .nth(1)
        .expect("a CLINIC SERVER section");
    assert!(
        section.contains("rehab clinic init --sshd-config"),
        "{section}"
    );
    assert!(section.contains("rehab clinic authorize"), "{section}");
    for line in readme_block().lines().filter(|l| !l.trim().is_empty()) {
        assert!(section.contains(line), "the man page lacks `{line}`");
    }
    assert!(
        section.contains("/usr/share/doc/rehab-planner/examples/sshd_config.d/rehab.conf"),
        "{section}"
    );
}
