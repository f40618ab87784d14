-- vmcs state database, version 4: the portal's jobs (spawn, deploy, drain, down), so that a
-- restarted portal still shows what a job did: its owner and kind, its events (JSON list)
-- and its result (JSON; NULL while it runs).

CREATE TABLE jobs (
    id        INTEGER PRIMARY KEY,
    owner     TEXT NOT NULL,
    kind      TEXT NOT NULL,
    events    TEXT NOT NULL DEFAULT '[]',
    result    TEXT,
    created   INTEGER NOT NULL
);
