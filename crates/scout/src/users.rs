//! `scout users …`: people who sign in to the web app. The password is
//! asked for without echo (or read from standard input for scripts), hashed
//! with argon2id by the server's own code (`scout_server::web::password`),
//! and never printed or stored in the clear.

use std::io::BufRead;

use anyhow::{bail, Context};
use scout_server::web::password::{hash_password, MIN_PASSWORD_CHARS};
use scout_store::{NewPerson, Role};
use serde_json::json;

use crate::cli::UsersCommand;
use crate::config::Paths;
use crate::output;

/// The password: the first line of standard input, or asked twice.
fn read_password(from_stdin: bool) -> anyhow::Result<String> {
    if from_stdin {
        let mut line = String::new();
        std::io::stdin()
            .lock()
            .read_line(&mut line)
            .context("cannot read the password")?;
        return Ok(line.trim_end_matches(['\r', '\n']).to_owned());
    }
    let first = rpassword::prompt_password(format!(
        "Password (at least {MIN_PASSWORD_CHARS} characters): "
    ))
    .context("cannot ask for the password (no terminal? use --password-stdin)")?;
    let again = rpassword::prompt_password("Again: ")?;
    if first != again {
        bail!("the two passwords differ");
    }
    Ok(first)
}

/// The hash of `password`, off the async threads.
async fn hashed(password: String) -> anyhow::Result<String> {
    Ok(tokio::task::spawn_blocking(move || hash_password(&password)).await??)
}

pub async fn run(paths: &Paths, cmd: UsersCommand, as_json: bool) -> anyhow::Result<()> {
    let store = paths.open_store().await?;
    match cmd {
        UsersCommand::Create {
            workspace,
            email,
            role,
            password_stdin,
        } => {
            let Some(role) = Role::parse(&role) else {
                bail!("unknown role `{role}`: admin, recruiter or viewer");
            };
            if !email.contains('@') || email.trim().len() > 320 {
                bail!("`{email}` is not an e-mail address");
            }
            let password_hash = hashed(read_password(password_stdin)?).await?;
            let person = store
                .create_person(&NewPerson {
                    workspace,
                    email,
                    role,
                    password_hash,
                })
                .await
                .context("cannot create the person")?;
            if as_json {
                output::json(&json!(person))?;
            } else {
                println!(
                    "{} ({}) can sign in to workspace `{}` at the address `scout serve` prints",
                    person.email,
                    person.role.as_str(),
                    person.workspace
                );
            }
        }
        UsersCommand::Password {
            email,
            password_stdin,
        } => {
            let Some((person, _)) = store.person_by_email(&email).await? else {
                bail!("no one signs in as `{email}`");
            };
            let password_hash = hashed(read_password(password_stdin)?).await?;
            store.set_password(&person.user_id, &password_hash).await?;
            if as_json {
                output::json(&json!({"email": person.email, "sessionsEnded": true}))?;
            } else {
                println!(
                    "new password set for {}; their sessions have ended",
                    person.email
                );
            }
        }
    }
    Ok(())
}
