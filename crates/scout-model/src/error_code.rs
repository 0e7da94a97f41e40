//! The one table of Scout's error codes: each code's HTTP status and stable
//! snake_case name, declared once. Library errors map onto a code through
//! [`HasErrorCode`]; the HTTP layer renders a code into each API family's
//! documented envelope in one place.

macro_rules! error_codes {
    ($($(#[$doc:meta])* $variant:ident => $status:literal, $name:literal;)*) => {
        /// A stable, client-visible error code.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum ErrorCode {
            $($(#[$doc])* $variant,)*
        }

        impl ErrorCode {
            /// Every code, in declaration order.
            pub const ALL: &'static [ErrorCode] = &[$(ErrorCode::$variant,)*];

            /// The HTTP status this code is answered with.
            pub fn http_status(self) -> u16 {
                match self { $(ErrorCode::$variant => $status,)* }
            }

            /// The snake_case name that appears as `error.code`.
            pub fn name(self) -> &'static str {
                match self { $(ErrorCode::$variant => $name,)* }
            }
        }
    };
}

error_codes! {
    /// The request does not match the documented schema.
    ValidationError => 400, "validation_error";
    /// More than 100 `relatedSearchTransactionIds`.
    TooManySearchTransactions => 400, "too_many_search_transactions";
    /// No API key on the request.
    MissingApiKey => 401, "missing_api_key";
    /// The key is unknown or revoked.
    InvalidApiKey => 401, "invalid_api_key";
    /// The key lacks the scope the endpoint needs.
    InsufficientScope => 403, "insufficient_scope";
    /// The resource does not exist in the caller's workspace (or no endpoint
    /// has this path).
    NotFound => 404, "not_found";
    /// The path exists but not with this method.
    MethodNotAllowed => 405, "method_not_allowed";
    /// The request conflicts with stored state.
    Conflict => 409, "conflict";
    /// The body is larger than the endpoint accepts.
    PayloadTooLarge => 413, "payload_too_large";
    /// The request is well formed but cannot be carried out.
    Unprocessable => 422, "unprocessable_entity";
    /// Too many requests in a rate-limit window, or too many failed key
    /// checks from one address.
    RateLimitExceeded => 429, "rate_limit_exceeded";
    /// More request headers, or larger ones, than the server reads.
    HeadersTooLarge => 431, "request_header_fields_too_large";
    /// Anything unexpected; the cause is logged, never returned.
    InternalError => 500, "internal_error";
    /// The store or index is not reachable.
    ServiceUnavailable => 503, "service_unavailable";
    /// The search ran past its deadline.
    SearchEngineTimeout => 504, "search_engine_timeout";
}

/// Implemented by every domain error so the HTTP layer can answer it.
pub trait HasErrorCode {
    /// The code this error is reported under.
    fn error_code(&self) -> ErrorCode;
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn names_are_unique_snake_case() {
        let names: HashSet<_> = ErrorCode::ALL.iter().map(|c| c.name()).collect();
        assert_eq!(names.len(), ErrorCode::ALL.len());
        assert!(names
            .iter()
            .all(|n| n.chars().all(|c| c.is_ascii_lowercase() || c == '_')));
        assert_eq!(ErrorCode::TooManySearchTransactions.http_status(), 400);
    }
}
