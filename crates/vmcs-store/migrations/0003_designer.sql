-- vmcs state database, version 3: the portal designer's network designs, per user: the Pan
-- network template (an object template binding `vmcs_net`) and the drawing's layout (node
-- positions, JSON), which Pan does not carry.

CREATE TABLE designs (
    id        INTEGER PRIMARY KEY,
    owner     TEXT NOT NULL,
    name      TEXT NOT NULL,
    pan       TEXT NOT NULL,
    layout    TEXT NOT NULL DEFAULT '{}',
    updated   INTEGER NOT NULL,
    UNIQUE (owner, name)
);
