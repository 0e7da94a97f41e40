//! Parsers: search requests into typed filters, prompts into intents, Sales Navigator URLs, boolean strings.
