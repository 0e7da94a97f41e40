-- People who sign in to the web app: a user of a workspace with an e-mail
-- (one per server), an argon2id password hash and a role; and their
-- sessions, stored by the SHA-256 of the cookie's token so that every
-- server sharing the store knows them and a stolen database holds none.
ALTER TABLE users ADD COLUMN email TEXT;
ALTER TABLE users ADD COLUMN password_hash TEXT;
ALTER TABLE users ADD COLUMN role TEXT;
CREATE UNIQUE INDEX users_by_email ON users (email);

CREATE TABLE web_sessions (
    token_hash BLOB PRIMARY KEY NOT NULL,
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    csrf_token TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE INDEX web_sessions_by_user ON web_sessions (user_id);
CREATE INDEX web_sessions_by_expiry ON web_sessions (expires_at);
