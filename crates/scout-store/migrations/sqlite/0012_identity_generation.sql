-- The identity generation (identity_filter.rs): advanced by every statement
-- that sets a profile's identity keys without a new change number (a
-- duplicates scan, an undone merge), so each process reloads its filter of
-- the keys stored.
CREATE TABLE identity_generation (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    value BIGINT NOT NULL
);
INSERT INTO identity_generation (id, value) VALUES (1, 0);
