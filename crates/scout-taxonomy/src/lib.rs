//! Bundled reference data and the normalisation built on it.
//!
//! Everything Scout knows about the world without being told ships inside
//! this crate (see `data/README.md` for sources and licences): cities with
//! coordinates, regions and countries for geocoding, languages and their
//! proficiency levels, the industry list, job titles with synonyms and
//! abbreviations, skills with aliases, career families for the generator and
//! person names by country. Tables are parsed once, on first use.

pub mod careers;
pub mod data;
pub mod education;
pub mod geo;
pub mod industries;
pub mod languages;
pub mod names;
pub mod normalize;
pub mod places;
pub mod skills;
pub mod spelling;
pub mod titles;

pub use geo::haversine_km;
pub use normalize::{fold, tokens};
pub use places::{geocode, us_state, GeoKind, GeoMatch};
