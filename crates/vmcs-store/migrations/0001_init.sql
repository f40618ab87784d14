-- vmcs state database, version 1: what vmcs made (libvirt and xl are the truth for what runs).

CREATE TABLE hosts (
    name      TEXT PRIMARY KEY,
    uri       TEXT NOT NULL,             -- libvirt URI, or xl:// / qemu:// for the bare drivers
    ssh       TEXT,                      -- user@address for tunnels and uploads
    state     TEXT NOT NULL DEFAULT 'active', -- active | draining
    added     INTEGER NOT NULL
);

CREATE TABLE layers (
    key       TEXT PRIMARY KEY,
    kind      TEXT NOT NULL,             -- base | packages | image | blank
    parent    TEXT,
    path      TEXT NOT NULL,
    created   INTEGER NOT NULL,
    size      INTEGER NOT NULL,
    last_used INTEGER NOT NULL
);

CREATE TABLE profiles (
    id        INTEGER PRIMARY KEY,
    owner     TEXT NOT NULL,
    name      TEXT NOT NULL,
    created   INTEGER NOT NULL,
    UNIQUE (owner, name)
);

CREATE TABLE profile_versions (
    profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
    version    INTEGER NOT NULL,
    pan        TEXT,                     -- the user-level template (absent for profiles given as XML/JSON)
    xml        TEXT NOT NULL,            -- the system-level skeleton
    created    INTEGER NOT NULL,
    comment    TEXT,
    PRIMARY KEY (profile_id, version)
);

CREATE TABLE networks (
    name      TEXT PRIMARY KEY,
    owner     TEXT NOT NULL,
    spec      TEXT NOT NULL,             -- JSON: switches, members, hosts, tunnels
    state     TEXT NOT NULL,
    created   INTEGER NOT NULL
);

CREATE TABLE instances (
    name      TEXT PRIMARY KEY,
    owner     TEXT NOT NULL,
    host      TEXT NOT NULL,
    uuid      TEXT NOT NULL,
    profile_id INTEGER REFERENCES profiles(id) ON DELETE SET NULL,
    profile_version INTEGER,
    network   TEXT,
    backend   TEXT NOT NULL,             -- libvirt | qemu | xl
    machine   TEXT NOT NULL,             -- JSON: the machine spec (disks, NICs, boot)
    state     TEXT NOT NULL,             -- building | defined | running | stopped | paused | saved | gone
    keep      INTEGER NOT NULL DEFAULT 0,
    created   INTEGER NOT NULL,
    updated   INTEGER NOT NULL,
    started   INTEGER                    -- last start (uptime counts from here)
);
CREATE INDEX instances_owner ON instances(owner);
CREATE INDEX instances_host ON instances(host);

CREATE TABLE metrics (
    instance  TEXT NOT NULL,
    ts        INTEGER NOT NULL,          -- unix seconds
    cpu_pct   REAL NOT NULL,
    mem_kib   INTEGER NOT NULL,
    disk_rd_bps REAL NOT NULL,
    disk_wr_bps REAL NOT NULL,
    net_rx_bps REAL NOT NULL,
    net_tx_bps REAL NOT NULL,
    PRIMARY KEY (instance, ts)
);
