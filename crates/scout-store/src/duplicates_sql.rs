//! The shapes the duplicates statements share (`duplicates_sql/statements.rs`,
//! compiled for SQLite and PostgreSQL).

use std::collections::HashMap;

use scout_model::Talent;

use crate::duplicates::{IdentityKeys, Reason};

/// A stored profile that profiles arriving in one upsert are merged into.
pub(crate) struct Survivor {
    /// Its key.
    pub key: String,
    /// It, with every arrival merged in.
    pub merged: Talent,
    /// The identity keys the arrivals' files gave (e-mail, phone).
    pub keys: IdentityKeys,
}

/// One arrival merged into a survivor, as the duplicates table records it.
pub(crate) struct ArrivalRecord {
    pub survivor_key: String,
    pub arrival_key: String,
    pub reason: Reason,
    /// The survivor's stored document before the merge.
    pub survivor_before: Vec<u8>,
    /// The arrival as it came (compressed).
    pub arrival: Vec<u8>,
    /// `Repointed::contact_keys`.
    pub contact_keys: [Option<i64>; 4],
}

/// What merging on arrival decided for one upsert.
#[derive(Default)]
pub(crate) struct Arrivals {
    /// Input index → the survivor's key.
    pub into_survivor: HashMap<usize, String>,
    /// Each survivor once.
    pub survivors: Vec<Survivor>,
    /// One record per merged arrival.
    pub records: Vec<ArrivalRecord>,
}

/// Per column of [`KEY_COLUMNS`]: value → the pool's profiles holding it,
/// `(key, first_seen_at)`.
#[derive(Default)]
pub(crate) struct Holders(pub [HashMap<i64, Vec<(String, i64)>>; 4]);

/// The columns of the identity keys, with the reason a match on each gives.
pub(crate) const KEY_COLUMNS: [(&str, Reason); 4] = [
    ("linkedin_key", Reason::Linkedin),
    ("email_key", Reason::Email),
    ("phone_key", Reason::Phone),
    ("name_key", Reason::NameAndEmployer),
];

/// A key's value for a column of [`KEY_COLUMNS`].
pub(crate) fn key_of(keys: &IdentityKeys, column: &str) -> Option<i64> {
    match column {
        "linkedin_key" => keys.linkedin,
        "email_key" => keys.email,
        "phone_key" => keys.phone,
        _ => keys.name,
    }
}

/// The columns of a duplicate row.
pub(crate) const DUPLICATE_COLUMNS: &str = "id, pool, first_key, second_key, reason, status, created_at, decided_at, decided_by, survivor_key";
