//! What every handler can reach: the store, the engine and the settings.

use std::sync::Arc;

use scout_engine::Engine;
use scout_store::Store;

/// Shared application state; cheap to clone.
#[derive(Clone)]
pub struct AppState {
    /// The system of record.
    pub store: Store,
    /// The talent index.
    pub engine: Arc<Engine>,
}

impl AppState {
    /// Bundles the parts.
    pub fn new(store: Store, engine: Arc<Engine>) -> AppState {
        AppState { store, engine }
    }
}
