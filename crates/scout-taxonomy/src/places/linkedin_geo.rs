//! LinkedIn's geo ids (`urn:li:geo:…`, the `REGION` values of a Sales
//! Navigator search and the `geoId` of its job searches) for the countries
//! and large metros whose ids are public, each mapped to the name Scout's
//! geocoder reads. The table is `data/places/linkedin_geo.tsv`; a row is kept
//! only when public search URLs pair the id with the place's name, or two
//! independent public lists agree on it (ids on which published lists
//! disagree are left out, so an unknown id is reported rather than guessed).

use std::collections::HashMap;
use std::sync::LazyLock;

/// One LinkedIn geo id Scout can resolve.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LinkedInGeo {
    /// The place as Scout's geocoder reads it ("Bay Area", "Munich, Germany").
    pub place: &'static str,
    /// The name LinkedIn shows for the id ("San Francisco Bay Area").
    pub linkedin_name: &'static str,
}

static TABLE: LazyLock<HashMap<&'static str, LinkedInGeo>> = LazyLock::new(|| {
    crate::data::LINKEDIN_GEO
        .lines()
        .skip(1)
        .filter_map(|line| {
            let mut fields = line.split('\t');
            let id = fields.next()?;
            let place = fields.next()?;
            let _kind = fields.next()?;
            let linkedin_name = fields.next()?;
            Some((
                id,
                LinkedInGeo {
                    place,
                    linkedin_name,
                },
            ))
        })
        .collect()
});

/// The place a LinkedIn geo id stands for: the bare number, or the URN
/// (`urn:li:geo:103644278`, also `fs_geo` and `…:geoRegion` forms).
pub fn linkedin_geo(id: &str) -> Option<LinkedInGeo> {
    let id = id.trim();
    let number = id.rsplit(':').next().unwrap_or(id);
    TABLE.get(number).copied()
}

/// Every row of the table as `(id, place)`; for tests and documentation.
pub fn linkedin_geo_ids() -> impl Iterator<Item = (&'static str, LinkedInGeo)> {
    TABLE.iter().map(|(id, g)| (*id, *g))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::places::{geocode, GeoKind};

    #[test]
    fn every_id_names_a_place_the_geocoder_reads_as_its_kind() {
        let kinds: HashMap<&str, &str> = crate::data::LINKEDIN_GEO
            .lines()
            .skip(1)
            .filter_map(|l| {
                let f: Vec<&str> = l.split('\t').collect();
                Some((*f.first()?, *f.get(2)?))
            })
            .collect();
        assert!(kinds.len() >= 70, "{} rows", kinds.len());
        for (id, geo) in linkedin_geo_ids() {
            let m =
                geocode(geo.place).unwrap_or_else(|| panic!("{id}: `{}` unresolved", geo.place));
            let want = match kinds[id] {
                "country" => GeoKind::Country,
                "region" => GeoKind::Region,
                "metro" => GeoKind::Area,
                _ => GeoKind::City,
            };
            assert_eq!(m.kind, want, "{id}: {}", geo.place);
        }
    }

    #[test]
    fn ids_resolve_bare_or_as_urns() {
        assert_eq!(linkedin_geo("103644278").unwrap().place, "United States");
        assert_eq!(
            linkedin_geo("urn:li:geo:90000084").unwrap().place,
            "Bay Area"
        );
        assert_eq!(
            linkedin_geo(" urn:li:fs_geo:101282230 ").unwrap().place,
            "Germany"
        );
        assert_eq!(linkedin_geo("1"), None);
        assert_eq!(linkedin_geo(""), None);
    }

    #[test]
    fn ids_are_unique() {
        let lines = crate::data::LINKEDIN_GEO.lines().skip(1).count();
        assert_eq!(
            lines,
            linkedin_geo_ids().count(),
            "a geo id is listed twice"
        );
    }
}
