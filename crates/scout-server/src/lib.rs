//! Scout's HTTP API (axum). `router(state)` builds the whole application
//! without a socket, so tests can drive it directly; `serve` binds and runs
//! it. One module per API family; errors are rendered into each family's
//! documented envelope in `error.rs`.

mod health;
mod state;

pub use state::AppState;

use axum::Router;

/// The application: every route of every API family.
pub fn router(state: AppState) -> Router {
    Router::new().merge(health::routes()).with_state(state)
}

/// Serves `router(state)` on `listener` until `shutdown` resolves.
pub async fn serve(
    listener: tokio::net::TcpListener,
    state: AppState,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    axum::serve(listener, router(state))
        .with_graceful_shutdown(shutdown)
        .await
}
