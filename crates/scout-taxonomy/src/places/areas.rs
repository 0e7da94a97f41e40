//! Areas: names people give to groups of places. Metropolitan areas
//! ("Silicon Valley", "Greater London", "Tri-State Area") are made of cities
//! and second-level areas; regions ("DACH", "EMEA", "Midwest") of
//! countries, continents and first-level regions. The list, with each
//! area's public definition, is `data/places/areas.tsv`.

use super::{GeoKind, GeoMatch, Places};
use crate::normalize::fold;

/// One area of `areas.tsv`, its members resolved against the tables.
pub(super) struct Area {
    name: String,
    countries: Vec<u16>,
    continents: Vec<String>,
    /// Countries taken out of the continents ("APAC" without the Middle East).
    not_countries: Vec<u16>,
    /// First-level regions: (country, admin-1 code).
    regions: Vec<(u16, String)>,
    /// Cities by index, with their districts.
    cities: Vec<u32>,
    /// Second-level areas: (country, admin-1 code, admin-2 name).
    counties: Vec<(u16, String, String)>,
    /// The population-weighted centre of its cities, their people, and the
    /// one country they share, if any (worked out once, at load).
    lat: f64,
    lon: f64,
    population: u64,
    country: Option<u16>,
}

/// Members that name nothing in the tables, as `area: member`; empty when
/// every member resolves (a test keeps it so).
pub fn unresolved_area_members() -> Vec<String> {
    super::PLACES.unresolved_areas.clone()
}

/// The display names of every area.
pub fn area_names() -> Vec<&'static str> {
    let p: &'static Places = &super::PLACES;
    p.areas.iter().map(|a| a.name.as_str()).collect()
}

pub(super) fn load(places: &mut Places) {
    let mut unresolved = Vec::new();
    for row in super::tsv(crate::data::AREAS) {
        let [name, _kind, aliases, members, ..] = row.as_slice() else {
            continue;
        };
        let mut area = Area {
            name: (*name).to_owned(),
            countries: Vec::new(),
            continents: Vec::new(),
            not_countries: Vec::new(),
            regions: Vec::new(),
            cities: Vec::new(),
            counties: Vec::new(),
            lat: 0.0,
            lon: 0.0,
            population: 0,
            country: None,
        };
        for member in members.split('|').filter(|m| !m.is_empty()) {
            if !resolve(places, &mut area, member) {
                unresolved.push(format!("{name}: {member}"));
            }
        }
        let idx = places.areas.len() as u16;
        for alias in std::iter::once(*name).chain(aliases.split('|')) {
            if !alias.is_empty() {
                places.area_by_name.entry(fold(alias)).or_insert(idx);
            }
        }
        locate(places, &mut area);
        places.areas.push(area);
    }
    places.unresolved_areas = unresolved;
}

/// Works out where an area's people live, from the cities it holds.
fn locate(places: &Places, area: &mut Area) {
    let (mut lat, mut lon, mut people) = (0.0, 0.0, 0u64);
    let mut country: Option<Option<u16>> = None;
    for (i, c) in places.cities.iter().enumerate() {
        if !places.holds(area, c.country, Some(&c.admin1), Some(i as u32)) {
            continue;
        }
        let w = c.population as f64;
        (lat, lon, people) = (lat + c.lat * w, lon + c.lon * w, people + c.population);
        country = match country {
            None => Some(Some(c.country)),
            Some(Some(k)) if k == c.country => Some(Some(k)),
            _ => Some(None),
        };
    }
    let weight = (people as f64).max(1.0);
    (area.lat, area.lon, area.population) = (lat / weight, lon / weight, people);
    area.country = country.flatten();
}

/// Adds one member (`country:DE`, `continent:EU`, `-country:IL`,
/// `region:US.WA`, `city:US.CA:San Jose`, `county:US.CA:Santa Clara County`)
/// to `area`; false when it names nothing.
fn resolve(places: &Places, area: &mut Area, member: &str) -> bool {
    let country_of = |iso2: &str| places.countries.iter().position(|c| c.iso2 == iso2);
    let Some((kind, what)) = member.split_once(':') else {
        return false;
    };
    match kind {
        "country" | "-country" => match country_of(what) {
            Some(c) if kind == "country" => area.countries.push(c as u16),
            Some(c) => area.not_countries.push(c as u16),
            None => return false,
        },
        "continent" => {
            if !places.countries.iter().any(|c| c.continent == what) {
                return false;
            }
            area.continents.push(what.to_owned());
        }
        "region" => {
            let Some((iso2, admin1)) = what.split_once('.') else {
                return false;
            };
            match country_of(iso2) {
                Some(c) if places.region_by_key.contains_key(what) => {
                    area.regions.push((c as u16, admin1.to_owned()))
                }
                _ => return false,
            }
        }
        "city" | "county" => {
            let mut parts = what.splitn(2, ':');
            let (Some(region), Some(name)) = (parts.next(), parts.next()) else {
                return false;
            };
            let Some((iso2, admin1)) = region.split_once('.') else {
                return false;
            };
            let Some(country) = country_of(iso2).map(|c| c as u16) else {
                return false;
            };
            let in_region = |c: &super::City| c.country == country && c.admin1 == admin1;
            if kind == "city" {
                let folded = fold(name);
                let Some(idx) = places
                    .cities
                    .iter()
                    .position(|c| in_region(c) && fold(&c.name) == folded)
                else {
                    return false;
                };
                area.cities.push(idx as u32);
            } else {
                if !places
                    .cities
                    .iter()
                    .any(|c| in_region(c) && c.admin2 == name)
                {
                    return false;
                }
                area.counties
                    .push((country, admin1.to_owned(), name.to_owned()));
            }
        }
        _ => return false,
    }
    true
}

impl Places {
    fn country_index(&self, iso2: &str) -> Option<u16> {
        self.countries
            .iter()
            .position(|c| c.iso2 == iso2)
            .map(|c| c as u16)
    }

    /// Whether a place in `country`, first-level region `admin1` and city
    /// `city` (by index) lies in `area`.
    fn holds(&self, area: &Area, country: u16, admin1: Option<&str>, city: Option<u32>) -> bool {
        if area.not_countries.contains(&country) {
            return false;
        }
        if area.countries.contains(&country)
            || area
                .continents
                .contains(&self.countries[country as usize].continent)
        {
            return true;
        }
        if let Some(a1) = admin1 {
            if area.regions.iter().any(|(k, r)| *k == country && r == a1) {
                return true;
            }
        }
        let Some(city) = city else {
            return false;
        };
        let c = &self.cities[city as usize];
        let container = c.part_of.unwrap_or(city);
        area.cities.contains(&city)
            || area.cities.contains(&container)
            || (!c.admin2.is_empty()
                && area
                    .counties
                    .iter()
                    .any(|(k, a1, a2)| *k == c.country && *a1 == c.admin1 && *a2 == c.admin2))
    }

    /// Whether `place` (a profile's city, region or country) lies in area `idx`.
    pub(super) fn area_contains(&self, idx: u16, place: &GeoMatch) -> bool {
        let (Some(area), Some(country)) = (
            self.areas.get(idx as usize),
            self.country_index(&place.country_code),
        ) else {
            return false;
        };
        let admin1 = place
            .region_key
            .as_deref()
            .and_then(|k| k.split_once('.'))
            .map(|(_, a1)| a1);
        let city = place
            .city_id
            .and_then(|id| self.city_by_id.get(&id).copied());
        self.holds(area, country, admin1, city)
    }

    pub(super) fn area_match(&self, idx: u16) -> GeoMatch {
        let area = &self.areas[idx as usize];
        let shared = area.country.map(|k| &self.countries[k as usize]);
        GeoMatch {
            kind: GeoKind::Area,
            name: area.name.clone(),
            lat: area.lat,
            lon: area.lon,
            country_code: shared.map(|c| c.iso2.clone()).unwrap_or_default(),
            country: shared.map(|c| c.name.clone()).unwrap_or_default(),
            region: None,
            region_key: None,
            city_id: None,
            population: area.population,
            part_of: None,
            area: Some(idx),
        }
    }

    pub(super) fn place_terms(&self, place: &GeoMatch) -> Vec<String> {
        let mut terms = Vec::new();
        if let Some(id) = place.city_id {
            terms.push(format!("c{id}"));
            let container = self
                .city_by_id
                .get(&id)
                .and_then(|&i| self.cities[i as usize].part_of);
            if let Some(k) = container {
                terms.push(format!("c{}", self.cities[k as usize].id));
            }
        }
        for (i, area) in self.areas.iter().enumerate() {
            if self.area_contains(i as u16, place) {
                terms.push(format!("a{}", fold(&area.name)));
            }
        }
        terms
    }
}

#[cfg(test)]
mod tests {
    use crate::places::{geocode, how_within, locate_profile, place_terms, GeoKind};

    fn within(city: &str, country: &str, area: &str) -> bool {
        let place = locate_profile(Some(city), None, Some(country))
            .unwrap_or_else(|| panic!("{city} unknown"));
        let area = geocode(area).unwrap_or_else(|| panic!("{area} unknown"));
        assert_eq!(area.kind, GeoKind::Area, "{}", area.name);
        let term = area.search_term().unwrap_or_default();
        let by_term = place_terms(&place).contains(&term);
        assert_eq!(
            by_term,
            how_within(&place, &area).is_some(),
            "{city} {term}"
        );
        by_term
    }

    #[test]
    fn every_member_of_every_area_names_a_place() {
        assert_eq!(super::unresolved_area_members(), Vec::<String>::new());
        assert!(super::area_names().len() >= 30);
    }

    #[test]
    fn regions_people_use_resolve_to_their_countries_and_states() {
        for (city, country, area) in [
            ("Munich", "DE", "DACH"),
            ("Zurich", "CH", "dach"),
            ("Antwerp", "BE", "Benelux"),
            ("Stockholm", "SE", "Nordics"),
            ("Warsaw", "PL", "CEE"),
            ("Lagos", "NG", "EMEA"),
            ("Dubai", "AE", "EMEA"),
            ("Tokyo", "JP", "APAC"),
            ("Sydney", "AU", "Asia-Pacific"),
            ("São Paulo", "BR", "LATAM"),
            ("Mexico City", "MX", "Latin America"),
            ("Seattle", "US", "Pacific Northwest"),
            ("Vancouver", "CA", "PNW"),
            ("Boston", "US", "New England"),
            ("Chicago", "US", "Midwest"),
            ("Singapore", "SG", "Southeast Asia"),
        ] {
            assert!(within(city, country, area), "{city} in {area}");
        }
        for (city, country, area) in [
            ("Paris", "FR", "DACH"),
            ("Tel Aviv", "IL", "APAC"),
            ("Toronto", "CA", "Pacific Northwest"),
            ("Miami", "US", "Midwest"),
            ("Madrid", "ES", "LATAM"),
            ("Austin", "US", "New England"),
        ] {
            assert!(!within(city, country, area), "{city} not in {area}");
        }
    }

    #[test]
    fn metropolitan_names_resolve_to_their_member_places() {
        for (city, country, area) in [
            ("Palo Alto", "US", "Silicon Valley"),
            ("Sunnyvale", "US", "Silicon Valley"),
            ("Menlo Park", "US", "Silicon Valley"),
            ("Oakland", "US", "Bay Area"),
            ("San Francisco", "US", "Bay Area"),
            ("Croydon", "GB", "Greater London"),
            ("Paris 11 Popincourt", "FR", "Greater Paris"),
            ("Boulogne-Billancourt", "FR", "Greater Paris"),
            ("Rotterdam", "NL", "Randstad"),
            ("Essen", "DE", "Ruhr"),
            ("Brooklyn", "US", "Tri-State Area"),
            ("Jersey City", "US", "Tri-State Area"),
            ("Stamford", "US", "Tri-State"),
            ("Cambridge", "US", "Greater Boston"),
        ] {
            assert!(within(city, country, area), "{city} in {area}");
        }
        for (city, country, area) in [
            ("San Francisco", "US", "Silicon Valley"),
            ("Watford", "GB", "Greater London"),
            ("Cologne", "DE", "Ruhr"),
            ("Philadelphia", "US", "Tri-State Area"),
        ] {
            assert!(!within(city, country, area), "{city} not in {area}");
        }
    }

    #[test]
    fn an_area_is_found_before_a_town_of_the_same_name() {
        let bay = geocode("Bay Area").expect("an area");
        assert_eq!((bay.kind, bay.country_code.as_str()), (GeoKind::Area, "US"));
        let emea = geocode("EMEA").expect("an area");
        assert_eq!(emea.country_code, "", "EMEA spans countries");
        assert!(emea.population > 1_000_000_000);
        // NYC stays the city, with its boroughs
        assert_eq!(geocode("NYC").map(|m| m.kind), Some(GeoKind::City));
    }
}
