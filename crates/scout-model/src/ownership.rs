//! Who owns a talent profile, and the key it is stored and indexed under.
//!
//! A profile belongs either to the *shared pool* (imported by the operator,
//! seen by every workspace) or to one workspace (imported with that
//! workspace's key or `scout import --workspace`, seen by it alone). A
//! workspace sees the shared pool and its own profiles; within that view an
//! id names one profile, because a workspace may not take an id the shared
//! pool holds and the operator may not put into the pool an id a workspace
//! holds (see `docs/data.md`). Two workspaces may each hold a profile with
//! the same id: they are different people's records and never meet.
//!
//! The store and the index key a profile by its id in the shared pool and by
//! `id` + [`KEY_SEPARATOR`] + workspace id otherwise. Ids never hold control
//! characters (the importer refuses them), so a key splits back unambiguously.

/// Between a workspace-owned profile's id and its workspace in a key: the
/// ASCII unit separator, a control character no accepted id contains.
pub const KEY_SEPARATOR: char = '\u{1f}';

/// The store's and index's key for profile `id` of `owner` (`None`: the
/// shared pool).
pub fn profile_key(owner: Option<&str>, id: &str) -> String {
    match owner {
        None => id.to_owned(),
        Some(workspace) => {
            let mut key = String::with_capacity(id.len() + 1 + workspace.len());
            key.push_str(id);
            key.push(KEY_SEPARATOR);
            key.push_str(workspace);
            key
        }
    }
}

/// A key's profile id and owner (`None`: the shared pool).
pub fn split_profile_key(key: &str) -> (&str, Option<&str>) {
    match key.split_once(KEY_SEPARATOR) {
        Some((id, workspace)) => (id, Some(workspace)),
        None => (key, None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_split_back_into_id_and_owner() {
        assert_eq!(profile_key(None, "t1"), "t1");
        assert_eq!(split_profile_key("t1"), ("t1", None));
        let key = profile_key(Some("ws_a"), "t1");
        assert_ne!(key, "t1");
        assert_eq!(split_profile_key(&key), ("t1", Some("ws_a")));
        // the same id in two workspaces: two keys
        assert_ne!(key, profile_key(Some("ws_b"), "t1"));
    }
}
