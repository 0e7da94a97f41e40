-- Who owns a profile (issue 22): NULL for the shared pool (the operator's
-- imports, seen by every workspace), else the workspace whose own profile it
-- is (seen by it alone). A workspace's profile is keyed `id` + U+001F +
-- workspace id; `owned_id` keeps its plain id, so that the shared pool can
-- refuse an id some workspace holds, and a workspace's profiles can be
-- listed in id order.
ALTER TABLE profiles ADD COLUMN owner TEXT;
ALTER TABLE profiles ADD COLUMN owned_id TEXT;
CREATE INDEX profiles_by_owned_id ON profiles (owned_id) WHERE owned_id IS NOT NULL;
CREATE INDEX profiles_by_owner ON profiles (owner, owned_id) WHERE owner IS NOT NULL;
