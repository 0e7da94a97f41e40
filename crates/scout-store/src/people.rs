//! People who sign in to the web app (a user of one workspace, with an
//! e-mail, a password hash and a role) and their sessions. The store keeps
//! hashes only: the password's argon2id string (made by the server, which
//! owns hashing) and the SHA-256 of each session's token.

/// What a person may do in their workspace.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// Users, API keys, everything.
    Admin,
    /// Search, sourcing, lists, leads.
    Recruiter,
    /// Reads only.
    Viewer,
}

impl Role {
    /// Every role, most powerful first.
    pub const ALL: [Role; 3] = [Role::Admin, Role::Recruiter, Role::Viewer];

    /// The stored and typed name.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Recruiter => "recruiter",
            Role::Viewer => "viewer",
        }
    }

    /// Parses a name (any case).
    pub fn parse(name: &str) -> Option<Role> {
        Role::ALL
            .into_iter()
            .find(|r| r.as_str().eq_ignore_ascii_case(name.trim()))
    }

    /// Whether the role changes data (admins and recruiters).
    pub fn writes(self) -> bool {
        self != Role::Viewer
    }
}

/// A person as the web app sees them.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Person {
    /// The user's id (the actor of what they do).
    pub user_id: String,
    /// Their workspace.
    pub workspace_id: String,
    /// The workspace's name.
    pub workspace: String,
    /// Their e-mail, lower-cased.
    pub email: String,
    /// Their role.
    pub role: Role,
}

/// What to create a person with.
#[derive(Debug, Clone)]
pub struct NewPerson {
    /// Workspace name (created if absent).
    pub workspace: String,
    /// E-mail (stored lower-cased; one person per e-mail on a server).
    pub email: String,
    /// Role.
    pub role: Role,
    /// The password's argon2id PHC string.
    pub password_hash: String,
}

/// A session as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct Session {
    /// Who.
    pub person: Person,
    /// The token forms must carry (double submit is not enough: it is
    /// compared with this).
    pub csrf_token: String,
    /// When it ends (Unix milliseconds).
    pub expires_at: i64,
}

/// The form an e-mail is stored and looked up in.
pub fn email_key(email: &str) -> String {
    email.trim().to_lowercase()
}
