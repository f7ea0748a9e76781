//! `rehab clinic init | authorize | revoke | keys`, and the door of a locked session (`rehab
//! --locked NAME`): parse, ask `clinic` for the rule, call `store`, show the result.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use clap::CommandFactory;

use super::args::{Cli, ClinicCommand};
use super::{CmdResult, Ctx, Failure, print};
use crate::clinic::keys::{self, KeyLine, PublicKey};
use crate::clinic::lock::Lock;
use crate::store::authorized_keys::{
    Folder, SshdCheck, check_sshd, private_folder, read_keys, running_as_root, update_keys,
    write_drop_in,
};
use crate::store::profile::list_profiles;

/// `rehab clinic init | authorize | revoke | keys`.
pub fn run(ctx: &Ctx, action: ClinicCommand) -> CmdResult {
    if ctx.lock.is_some() {
        return Err(Failure::usage(
            "a locked session cannot change the clinic's keys",
        ));
    }
    match action {
        ClinicCommand::Init {
            sshd_config,
            user,
            force,
            file,
        } => init(
            ctx,
            sshd_config.as_deref(),
            &user,
            force,
            file.authorized_keys,
        ),
        ClinicCommand::Authorize { name, key, file } => {
            authorize(ctx, &name, &key, &keys_file(file.authorized_keys)?)
        }
        ClinicCommand::Revoke { name, file } => {
            revoke(ctx, &name, &keys_file(file.authorized_keys)?)
        }
        ClinicCommand::Keys { file } => list(ctx, &keys_file(file.authorized_keys)?),
    }
}

/// The file given, else the account's own `~/.ssh/authorized_keys`.
fn keys_file(given: Option<PathBuf>) -> Result<PathBuf, Failure> {
    given
        .or_else(|| directories::BaseDirs::new().map(|b| b.home_dir().join(".ssh/authorized_keys")))
        .ok_or_else(|| Failure::usage("no home folder here; give --authorized-keys FILE"))
}

/// `rehab clinic init`: the folders owner-only (made by the account itself, so it owns them),
/// the sshd drop-in printed or written and checked, and what to do next. With the drop-in on
/// standard output (`... clinic init > /etc/ssh/sshd_config.d/rehab.conf`), the rest goes to
/// standard error.
fn init(ctx: &Ctx, to: Option<&Path>, user: &str, force: bool, keys: Option<PathBuf>) -> CmdResult {
    let text = crate::clinic::sshd::drop_in(user).map_err(Failure::usage)?;
    let data = absolute(&ctx.paths.data);
    let shown_data = crate::text::path(&data);
    let mut said = String::new();
    let mut folders_ready = true;
    if running_as_root() {
        // Folders root made would belong to root, and the account could not write its data.
        folders_ready = false;
        let _ = writeln!(
            said,
            "folders: left to the account (as root they would be root's); run \
             `sudo -u {user} -H rehab --data-dir {shown_data} clinic init`"
        );
    } else {
        let keys = keys_file(keys.clone())?;
        let ssh_dir = keys.parent().unwrap_or(Path::new("."));
        for (what, folder) in [("data folder", data.as_path()), ("ssh folder", ssh_dir)] {
            let shown = crate::text::path(folder);
            let line = match private_folder(folder).map_err(|e| Failure::data(e.to_string()))? {
                Folder::Made => format!("{what} {shown}: made, owner-only (0700)"),
                Folder::Tightened(old) => {
                    format!("{what} {shown}: was {old:o}, now owner-only (0700)")
                }
                Folder::Kept => format!("{what} {shown}: already owner-only"),
            };
            said.push_str(&line);
            said.push('\n');
        }
    }
    if let Some(path) = to {
        write_drop_in(path, &text, force).map_err(|e| Failure::data(e.to_string()))?;
        let _ = writeln!(said, "sshd settings written to {}", crate::text::path(path));
    }
    let checked = match check_sshd(&text) {
        SshdCheck::Passed => "sshd -t: the settings pass".to_string(),
        SshdCheck::NotInstalled => {
            "sshd -t: not run (no sshd or ssh-keygen here; apt-get install openssh-server)".into()
        }
        SshdCheck::NotRun(why) => format!("sshd -t: not run here ({why})"),
        SshdCheck::Failed(why) => {
            return Err(Failure::data(format!(
                "sshd -t refuses the settings: {why}; sshd would not start with them"
            )));
        }
    };
    said.push_str(&checked);
    said.push('\n');
    let drop_in = to.map_or_else(
        || "save the settings above as /etc/ssh/sshd_config.d/rehab.conf (as root), then ".into(),
        |_| String::new(),
    );
    // The account's own ~/.ssh/authorized_keys unless another file was named.
    let keys_flag = keys.map_or_else(String::new, |k| {
        format!(" --authorized-keys {}", crate::text::path(&absolute(&k)))
    });
    let folders = if folders_ready {
        ""
    } else {
        " and the folders as above"
    };
    let _ = writeln!(
        said,
        "next: {drop_in}`sshd -t && systemctl reload ssh`{folders}; then, as {user}, add a \
         patient: `rehab --data-dir {shown_data} profile new NAME --condition ID` and `rehab \
         --data-dir {shown_data} clinic authorize NAME --key NAME.pub{keys_flag}`"
    );
    if to.is_some() {
        print(&said)
    } else {
        print(&text)?;
        eprint!("{}", crate::text::clean_block(&said));
        Ok(())
    }
}

fn authorize(ctx: &Ctx, name: &str, key_file: &Path, file: &Path) -> CmdResult {
    crate::profile::validate_name(name).map_err(Failure::usage)?;
    let profiles = list_profiles(&ctx.paths).map_err(|e| Failure::data(e.to_string()))?;
    if !profiles.iter().any(|p| p == name) {
        return Err(Failure::data(format!(
            "there is no profile {name} in {}; create or import it first (`rehab profile new \
             {name} --condition ID` or `rehab profile import FILE --as {name}`), then authorize \
             the key; nothing was written",
            crate::text::path(&ctx.paths.data)
        )));
    }
    let shown_key = crate::text::path(key_file);
    let text = crate::store::files::read_text(key_file, crate::store::files::Limit::Keymap)
        .map_err(|e| {
            Failure::data(format!(
                "--key: cannot read {shown_key}: {}",
                crate::store::describe_io(&e)
            ))
        })?
        .ok_or_else(|| Failure::data(format!("--key: there is no file {shown_key}")))?;
    let key = PublicKey::parse(&text, &shown_key).map_err(Failure::data)?;
    // The forced command names this very program and the folders this session uses, as
    // absolute paths, so the patient's session and the clinician's see the same data and
    // library.
    let exe = std::env::current_exe()
        .map_err(|e| Failure::data(format!("cannot tell where rehab itself is: {e}")))?;
    let command = keys::forced_command_for(
        &exe,
        &absolute(&ctx.paths.data),
        Some(&absolute(&ctx.paths.library)),
        name,
    )
    .map_err(Failure::usage)?;
    let line = keys::locked_line(&key, &command);
    let shown = crate::text::path(file);
    update_keys(file, |old| {
        keys::add(old, &key, &line, &shown).map(|new| (new, ()))
    })
    .map_err(|e| Failure::data(format!("{e}; nothing was written")))?;
    print(&format!(
        "{shown}: the key {} now opens profile {name}, and nothing else\n",
        key.short()
    ))
}

/// A folder as a forced command names it.
fn absolute(p: &Path) -> PathBuf {
    std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf())
}

/// The data folder as rehab's key lines name it.
fn data_folder(ctx: &Ctx) -> String {
    absolute(&ctx.paths.data).to_string_lossy().into_owned()
}

fn revoke(ctx: &Ctx, name: &str, file: &Path) -> CmdResult {
    crate::profile::validate_name(name).map_err(Failure::usage)?;
    let shown = crate::text::path(file);
    let data = data_folder(ctx);
    let removed = update_keys(file, |old| match keys::remove(old, name, &data) {
        (_, 0) => Err(format!(
            "{shown}: no key opens profile {name} in the data folder {}; `rehab clinic keys` \
             lists this folder's keys (give --data-dir for another folder)",
            crate::text::clean(&data)
        )),
        (new, n) => Ok((new, n)),
    })
    .map_err(|e| Failure::data(e.to_string()))?;
    print(&format!(
        "{shown}: removed {removed} key line(s) of profile {name} in {}; every other line is \
         as it was (a session already open runs until it ends)\n",
        crate::text::clean(&data)
    ))
}

/// The keys of this data folder's profiles, and the lines that are not rehab's; the lines of
/// other data folders are counted, not listed (`--data-dir` picks the folder).
fn list(ctx: &Ctx, file: &Path) -> CmdResult {
    let shown = crate::text::path(file);
    let bytes = read_keys(file).map_err(|e| Failure::data(e.to_string()))?;
    let data = data_folder(ctx);
    let lines = keys::list(&bytes);
    let mut t = format!(
        "{shown} (profiles of the data folder {}):\n",
        crate::text::clean(&data)
    );
    if lines.is_empty() {
        t.push_str("  no keys\n");
    }
    let mut elsewhere = 0;
    for (n, line) in lines {
        let (who, key) = match line {
            KeyLine::Locked { data: folder, .. } if folder != data => {
                elsewhere += 1;
                continue;
            }
            KeyLine::Locked { profile, key, .. } => (format!("profile {profile}"), key),
            KeyLine::Open(key) => ("full login (no forced command)".into(), key),
            KeyLine::OtherCommand(key) => ("another forced command".into(), key),
            KeyLine::NotAKey => continue,
        };
        let _ = writeln!(
            t,
            "  line {n:<4} {:<32} {}",
            crate::text::clean(&who),
            key.short()
        );
    }
    if elsewhere > 0 {
        let _ = writeln!(
            t,
            "  ({elsewhere} key line(s) open profiles of other data folders; `rehab clinic keys \
             --data-dir DIR` lists them)"
        );
    }
    print(&t)
}

/// The command line of a locked session, or the refusal: the forced command gave `--locked
/// NAME` and the folders; the command comes from the ssh line, checked by the lock's
/// allow-list, and is parsed with every environment variable ignored. The result has the
/// lock's profile and folders whatever was asked.
pub fn locked_cli(
    forced: Cli,
    command: Result<String, std::env::VarError>,
) -> Result<Cli, Failure> {
    let name = forced.global.locked.clone().unwrap_or_default();
    if forced.command.is_some() {
        return Err(Failure::usage(
            "--locked takes its command from the ssh line only; the forced command gives none",
        ));
    }
    let lock = Lock::new(
        &name,
        forced.global.data_dir.as_deref(),
        forced.global.library.as_deref(),
    )
    .map_err(|e| Failure::usage(e.0))?;
    let paths = lock.paths();
    let exists = list_profiles(&paths).is_ok_and(|names| names.contains(&name));
    if !exists {
        return Err(Failure::data(format!(
            "this key opens profile {name}, which is not on this server; ask the clinic"
        )));
    }
    let line = match command {
        Ok(line) => line,
        Err(std::env::VarError::NotPresent) => String::new(),
        Err(std::env::VarError::NotUnicode(_)) => {
            return Err(Failure::usage("refused: the command is not plain text"));
        }
    };
    let words = lock.ssh_command(&line).map_err(|e| Failure::usage(e.0))?;
    let mut cli = match words {
        None => Cli {
            global: forced.global.clone(),
            command: None,
        },
        Some(words) if words.first().map(String::as_str) == Some(crate::clinic::lock::FETCH) => {
            fetch(&lock, &words[1..])
        }
        Some(words) => {
            let argv = std::iter::once("rehab".to_string()).chain(words);
            let matches = without_env(Cli::command()).try_get_matches_from(argv);
            match matches.and_then(|m| <Cli as clap::FromArgMatches>::from_arg_matches(&m)) {
                Ok(cli) => cli,
                Err(e) => super::usage_exit(e),
            }
        }
    };
    let g = &mut cli.global;
    g.locked = Some(name.clone());
    g.profile = name;
    g.data_dir = Some(paths.data);
    g.library = Some(paths.library);
    g.today = forced.global.today;
    g.no_color |= forced.global.no_color;
    g.ascii |= forced.global.ascii;
    Ok(cli)
}

/// `fetch FILE` in a locked session: the file the app wrote in the export folder, byte for
/// byte on standard output, then the session ends (there is nothing for the CLI to run).
fn fetch(lock: &Lock, names: &[String]) -> ! {
    let result = (|| -> Result<(), Failure> {
        let name = names.first().map(String::as_str).unwrap_or_default();
        let path = lock.export_target(name).map_err(|e| Failure::usage(e.0))?;
        lock.permits(crate::clinic::Act::Write(&path))
            .map_err(|e| Failure::usage(e.0))?;
        let shown = crate::text::clean(name).into_owned();
        // An exported plan, even a whole programme's with figures, is far below this cap.
        let bytes =
            crate::store::files::read(&path, crate::store::files::Limit::Library).map_err(|e| {
                Failure::data(format!(
                    "fetch: cannot read {shown}: {} (the app's Export view names the files it \
                     wrote)",
                    crate::store::describe_io(&e)
                ))
            })?;
        let mut out = std::io::stdout().lock();
        std::io::Write::write_all(&mut out, &bytes)
            .and_then(|()| std::io::Write::flush(&mut out))
            .map_err(|e| Failure::data(format!("fetch: cannot write: {e}")))
    })();
    match result {
        Ok(()) => std::process::exit(0),
        Err(f) => {
            let code = f.code;
            let _ = super::finish(Err(f));
            std::process::exit(i32::from(code))
        }
    }
}

/// The command line with no flag read from the environment.
pub fn without_env(mut command: clap::Command) -> clap::Command {
    for (_, _, id) in super::ENV_FLAGS {
        command = command.mut_arg(id, |a| a.env(None));
    }
    command
}
