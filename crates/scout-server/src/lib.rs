//! The HTTP API (axum): one module per API family, auth, limits, error envelopes.
