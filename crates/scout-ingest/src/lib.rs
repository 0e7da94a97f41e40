//! Importers, CV parsing and the synthetic profile generator.
