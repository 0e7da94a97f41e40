//! Parsers that turn what people and clients send into typed values:
//! search request bodies into [`Filter`]s (see `search_request.rs` for the
//! grammar), and, later, prompts, Sales Navigator URLs and boolean strings.

/// The typed filter (kept in `scout-model` so the engine needs no readers).
pub use scout_model::criteria as filter;
pub mod boolean;
pub mod prompt;
pub mod relax;
pub mod sales_navigator;
pub mod search_request;

pub use filter::{Criterion, Degree, Filter, YearRange};
pub use search_request::{
    parse_filter_list, parse_search_request, Issue, PathItem, RequestError, SearchRequest,
};
