//! Search transactions this server recorded lately, kept in memory by id so
//! that paging through a search — each page names every earlier page's
//! transaction, up to 100 — does not read them all back from the store.
//!
//! A transaction never changes once written — but for an erasure, which
//! takes a person out of it here as in the store — so a kept entry is
//! right for as long as it is kept; any other (another server's, an older one) is read
//! from the store, which stays the system of record. The oldest entries
//! leave first past [`CAPACITY`].

use std::collections::{HashMap, VecDeque};
use std::sync::Arc;

use parking_lot::Mutex;

/// Transactions kept: at ~10 ids each, a few MiB.
pub const CAPACITY: usize = 16_384;

/// A transaction's id and the talents it returned.
pub type Transaction = (String, Arc<[String]>);

struct Entry {
    workspace: String,
    talents: Arc<[String]>,
}

#[derive(Default)]
struct Inner {
    by_id: HashMap<String, Entry>,
    /// Ids in the order they were kept, oldest first.
    order: VecDeque<String>,
}

/// Recently recorded search transactions.
#[derive(Default)]
pub struct RecentTransactions {
    inner: Mutex<Inner>,
}

impl RecentTransactions {
    /// Keeps a transaction just written to the store.
    pub fn remember(&self, id: &str, workspace: &str, talents: &[String]) {
        let mut inner = self.inner.lock();
        if inner.by_id.contains_key(id) {
            return;
        }
        while inner.order.len() >= CAPACITY {
            match inner.order.pop_front() {
                Some(old) => {
                    inner.by_id.remove(&old);
                }
                None => break,
            }
        }
        inner.order.push_back(id.to_owned());
        inner.by_id.insert(
            id.to_owned(),
            Entry {
                workspace: workspace.to_owned(),
                talents: talents.into(),
            },
        );
    }

    /// Takes erased talents out of every kept transaction.
    pub fn forget_talents(&self, erased: &[String]) {
        if erased.is_empty() {
            return;
        }
        let mut inner = self.inner.lock();
        for entry in inner.by_id.values_mut() {
            if entry.talents.iter().any(|t| erased.contains(t)) {
                entry.talents = entry
                    .talents
                    .iter()
                    .filter(|t| !erased.contains(t))
                    .cloned()
                    .collect();
            }
        }
    }

    /// The kept transactions of `workspace` among `ids`, with their talents,
    /// and the ids to ask the store about.
    pub fn lookup(&self, workspace: &str, ids: &[String]) -> (Vec<Transaction>, Vec<String>) {
        let inner = self.inner.lock();
        let mut found = Vec::with_capacity(ids.len());
        let mut missing = Vec::new();
        for id in ids {
            match inner.by_id.get(id) {
                Some(e) if e.workspace == workspace => found.push((id.clone(), e.talents.clone())),
                // another workspace's is unknown here, as the store says too
                _ => missing.push(id.clone()),
            }
        }
        (found, missing)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(n: usize) -> Vec<String> {
        (0..n).map(|i| format!("t{i}")).collect()
    }

    #[test]
    fn finds_only_the_workspace_s_own_and_sends_the_rest_to_the_store() {
        let recent = RecentTransactions::default();
        recent.remember("st_a", "w1", &ids(3));
        recent.remember("st_b", "w2", &ids(2));
        let (found, missing) = recent.lookup("w1", &["st_a".into(), "st_b".into(), "st_c".into()]);
        assert_eq!(found.len(), 1);
        assert_eq!((found[0].0.as_str(), found[0].1.len()), ("st_a", 3));
        assert_eq!(missing, vec!["st_b".to_owned(), "st_c".to_owned()]);
    }

    #[test]
    fn the_oldest_leave_first_past_the_capacity() {
        let recent = RecentTransactions::default();
        for i in 0..CAPACITY + 2 {
            recent.remember(&format!("st_{i}"), "w", &ids(1));
        }
        let (found, missing) = recent.lookup(
            "w",
            &[
                "st_0".into(),
                "st_1".into(),
                "st_2".into(),
                format!("st_{}", CAPACITY + 1),
            ],
        );
        assert_eq!(missing, vec!["st_0".to_owned(), "st_1".to_owned()]);
        assert_eq!(found.len(), 2);
    }
}
