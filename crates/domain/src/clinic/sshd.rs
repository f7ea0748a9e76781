//! The sshd settings of a clinic server, as one drop-in file for `/etc/ssh/sshd_config.d/`:
//! `rehab clinic init` prints or writes it, and the README and the Debian package's example
//! (`docs/examples/sshd_config.d/rehab.conf`) show it, so they cannot drift (tests/clinic_setup.rs
//! holds both to this text and runs `sshd -t` on it).
//!
//! Every directive inside the `Match` block is one OpenSSH allows there: 9.2 (Debian 12)
//! refuses `PermitUserEnvironment` in a `Match` block, and sshd then does not start. A locked
//! session reads nothing from the environment anyway; its profile comes from the forced command.

/// The drop-in for the account `user` that serves the clinic; refused for a name sshd's
/// `Match User` would read differently (a pattern, a list, a space).
pub fn drop_in(user: &str) -> Result<String, String> {
    let plain = !user.is_empty()
        && user.len() <= 32
        && user
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_lowercase() || c == '_')
        && user
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "_-.".contains(c));
    if !plain {
        return Err(format!(
            "--user: `{}` is not an account name like rehab (lower-case letters, digits, _ - .)",
            crate::text::excerpt(user)
        ));
    }
    Ok(format!(
        "\
# rehab-planner's clinic server (rehab clinic init); sshd reads the first value it meets
StrictModes yes                 # the default; sshd then checks authorized_keys is not writable by others
PermitUserEnvironment no        # the default; a locked session takes nothing from the environment
MaxStartups 50:30:100           # the default 10 drops logins when a class connects at once
ClientAliveInterval 60          # ends the sessions of dropped phones
Match User {user}
    AuthenticationMethods publickey
    AllowTcpForwarding no
    AllowAgentForwarding no
    X11Forwarding no
    PermitTunnel no
"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_match_block_names_the_account_and_only_a_plain_name_is_taken() {
        let text = drop_in("rehab").expect("a plain name");
        assert!(text.contains("\nMatch User rehab\n"), "{text}");
        let in_match = text.split("\nMatch ").nth(1).expect("a Match block");
        assert!(!in_match.contains("PermitUserEnvironment"), "{text}");
        for bad in ["", "Rehab", "a b", "rehab,root", "*", "!root", "-x", "r\nx"] {
            assert!(drop_in(bad).is_err(), "{bad:?}");
        }
    }
}
