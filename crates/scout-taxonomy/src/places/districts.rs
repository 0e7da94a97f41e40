//! Which cities of the table are districts of another: boroughs, arrondissements,
//! Bezirke and quarters that GeoNames lists as places of their own
//! ("Brooklyn", "Paris 11 Popincourt", "Kreuzberg").
//!
//! The table carries no boundaries, so "inside" is read from what it does
//! carry. A place P is part of a city C when both lie in the same country and
//! first-level region, P is less populous, C has at least
//! [`MIN_CITY_POPULATION`] people and is not itself part of another city, and
//! P is not in another known second-level area (county, département) than C;
//! then P lies within:
//! - 1.5 × C's radius, when P's name begins with C's ("Paris 11 Popincourt",
//!   "Berlin Köpenick"), when C's second-level area is named after C and P is
//!   in it ("Greater London"), or when C's region is named after C (the
//!   city-states Berlin, Hamburg, Vienna);
//! - C's radius otherwise,
//!
//! where C's radius is that of a disc holding C's population at
//! [`PEOPLE_PER_KM2`] (New York City: 24 km; Paris: 12 km). See
//! docs/search.md, "Places as people mean them".

use std::collections::HashMap;
use std::f64::consts::PI;

use super::{City, Country, Region};
use crate::geo::haversine_km;
use crate::normalize::fold;

/// Cities smaller than this have no districts in the table worth the name.
pub const MIN_CITY_POPULATION: u64 = 100_000;

/// The density of the disc that stands in for a city's boundary.
pub const PEOPLE_PER_KM2: f64 = 5_000.0;

/// The radius of the disc holding `population` people at [`PEOPLE_PER_KM2`].
pub fn radius_km(population: u64) -> f64 {
    (population as f64 / (PI * PEOPLE_PER_KM2)).sqrt()
}

/// Sets `part_of` on every city that is a district of a bigger one. `cities`
/// must be in descending order of population, as the table is.
pub(super) fn assign(
    cities: &mut [City],
    regions: &[Region],
    region_by_key: &HashMap<String, u32>,
    countries: &[Country],
) {
    let mut containers: HashMap<(u16, String), Vec<u32>> = HashMap::new();
    for i in 0..cities.len() {
        let group = (cities[i].country, cities[i].admin1.clone());
        let found = containers.get(&group).and_then(|candidates| {
            candidates.iter().copied().find(|&k| {
                let c = &cities[k as usize];
                let key = format!("{}.{}", countries[c.country as usize].iso2, c.admin1);
                let region = region_by_key
                    .get(&key)
                    .map(|&r| regions[r as usize].name.as_str());
                inside(&cities[i], c, region)
            })
        });
        match found {
            Some(k) => cities[i].part_of = Some(k),
            None if cities[i].population >= MIN_CITY_POPULATION => {
                containers.entry(group).or_default().push(i as u32)
            }
            None => {}
        }
    }
}

/// Whether `place` lies inside `city` (same country and region already
/// checked), by the rules of the module's documentation.
fn inside(place: &City, city: &City, city_region: Option<&str>) -> bool {
    if place.population >= city.population {
        return false;
    }
    let both_known = !place.admin2.is_empty() && !city.admin2.is_empty();
    if both_known && place.admin2 != city.admin2 {
        return false;
    }
    let name = fold(&city.name);
    let named_after = |area: &str| {
        let area = fold(area);
        area == name
            || area == format!("greater {name}")
            || area == format!("city of {name}")
            || area == format!("{name} city")
    };
    let place_name = fold(&place.name);
    let prefixed =
        place_name.starts_with(&format!("{name} ")) || place_name.starts_with(&format!("{name}-"));
    let own_area = both_known && named_after(&city.admin2);
    let city_state = city.admin2.is_empty() && city_region.is_some_and(named_after);
    let distance = haversine_km(place.lat, place.lon, city.lat, city.lon);
    let radius = radius_km(city.population);
    if prefixed || own_area || city_state {
        distance <= 1.5 * radius
    } else {
        distance <= radius
    }
}

#[cfg(test)]
mod tests {
    use crate::places::{geocode, locate_profile};

    fn part_of(city: &str, country: &str) -> Option<String> {
        locate_profile(Some(city), None, Some(country)).and_then(|m| m.part_of)
    }

    #[test]
    fn boroughs_arrondissements_and_bezirke_are_part_of_their_city() {
        for borough in [
            "Brooklyn",
            "Queens",
            "Manhattan",
            "The Bronx",
            "Staten Island",
        ] {
            assert_eq!(
                part_of(borough, "US").as_deref(),
                Some("New York City"),
                "{borough}"
            );
        }
        for arrondissement in [
            "Paris 11 Popincourt",
            "Paris 01 Louvre",
            "Paris 20 Ménilmontant",
        ] {
            assert_eq!(
                part_of(arrondissement, "FR").as_deref(),
                Some("Paris"),
                "{arrondissement}"
            );
        }
        for bezirk in ["Kreuzberg", "Schöneberg", "Mitte"] {
            assert_eq!(part_of(bezirk, "DE").as_deref(), Some("Berlin"), "{bezirk}");
        }
        for borough in ["Islington", "Croydon", "Camden Town"] {
            assert_eq!(
                part_of(borough, "GB").as_deref(),
                Some("London"),
                "{borough}"
            );
        }
    }

    #[test]
    fn neighbouring_towns_and_namesakes_stay_apart() {
        // another state, another département, another county, another country
        assert_eq!(part_of("Jersey City", "US"), None);
        assert_eq!(part_of("Boulogne-Billancourt", "FR"), None);
        assert_eq!(part_of("Yonkers", "US"), None);
        assert_eq!(part_of("Watford", "GB"), None);
        assert_eq!(part_of("Potsdam", "DE"), None);
        // a city is never part of itself, nor of a smaller one
        assert_eq!(geocode("New York").and_then(|m| m.part_of), None);
        assert_eq!(geocode("Paris").and_then(|m| m.part_of), None);
    }
}
