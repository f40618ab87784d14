-- vmcs state database, version 2: the portal's accounts (users, sessions, API tokens, login
-- attempts) and each user's own (non-object) templates. Profiles, instances and networks
-- already carry their owner's name.

CREATE TABLE users (
    name      TEXT PRIMARY KEY,
    hash      TEXT NOT NULL,             -- argon2id PHC string
    admin     INTEGER NOT NULL DEFAULT 0,
    disabled  INTEGER NOT NULL DEFAULT 0,
    created   INTEGER NOT NULL
);

CREATE TABLE sessions (
    id_hash   TEXT PRIMARY KEY,          -- SHA-256 of the cookie value (the value is never stored)
    user      TEXT NOT NULL REFERENCES users(name) ON DELETE CASCADE,
    csrf      TEXT NOT NULL,
    created   INTEGER NOT NULL,
    expires   INTEGER NOT NULL
);
CREATE INDEX sessions_user ON sessions(user);

CREATE TABLE api_tokens (
    id        INTEGER PRIMARY KEY,
    user      TEXT NOT NULL REFERENCES users(name) ON DELETE CASCADE,
    name      TEXT NOT NULL,
    hash      TEXT NOT NULL UNIQUE,      -- SHA-256 of the token
    created   INTEGER NOT NULL,
    last_used INTEGER,
    UNIQUE (user, name)
);

CREATE TABLE login_attempts (
    key       TEXT NOT NULL,             -- user:NAME or addr:IP
    ts        INTEGER NOT NULL
);
CREATE INDEX login_attempts_key ON login_attempts(key, ts);

CREATE TABLE templates (
    id        INTEGER PRIMARY KEY,
    owner     TEXT NOT NULL,
    name      TEXT NOT NULL,             -- the Pan template name (e.g. site/base)
    text      TEXT NOT NULL,
    updated   INTEGER NOT NULL,
    UNIQUE (owner, name)
);
