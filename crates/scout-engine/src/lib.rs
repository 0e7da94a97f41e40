//! The talent index: schema, indexing, filter compilation, ranking, explanations, counts.
