//! Geocoding over the bundled GeoNames tables: every city of at least 15,000
//! people, the first-level regions they belong to, and every country under
//! its common names in English, French, German and Spanish.
//!
//! [`geocode`] turns what a person types ("Paris", "Austin, TX", "USA",
//! "Île-de-France", "NYC") into a city, region or country with coordinates.
//! Ambiguous names resolve by kind first (country, then city, then region:
//! "New York" is the city, "Georgia" the country) and by population within
//! a kind — except that a region twenty times as populous as the largest
//! city of its name wins ("Florida" is the state, not the Cuban town), and a
//! US state wins over any town of its name smaller than half a million
//! people ("Montana", "Delaware"; "Washington" stays DC);
//! a qualifier after a comma narrows the choice. [`us_state`] reads a US
//! state's postal code alone.

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::normalize::fold;

mod areas;
mod districts;
mod linkedin_geo;

pub use areas::{area_names, unresolved_area_members};
pub use districts::{radius_km as city_radius_km, MIN_CITY_POPULATION, PEOPLE_PER_KM2};
pub use linkedin_geo::{linkedin_geo, linkedin_geo_ids, LinkedInGeo};

/// What kind of place a [`GeoMatch`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum GeoKind {
    /// A city or town.
    City,
    /// A first-level administrative region (state, province, région).
    Region,
    /// A country.
    Country,
    /// A named group of places: a metropolitan area ("Silicon Valley",
    /// "Greater London") or a region people use ("DACH", "EMEA", "Midwest").
    Area,
}

impl GeoKind {
    /// Lowercase name: `city`, `region` or `country`.
    pub fn as_str(self) -> &'static str {
        match self {
            GeoKind::City => "city",
            GeoKind::Region => "region",
            GeoKind::Country => "country",
            GeoKind::Area => "area",
        }
    }
}

/// A resolved place.
#[derive(Debug, Clone, PartialEq)]
pub struct GeoMatch {
    /// City, region or country.
    pub kind: GeoKind,
    /// Canonical display name.
    pub name: String,
    /// Latitude in degrees (a region's or country's is its cities' population centroid).
    pub lat: f64,
    /// Longitude in degrees.
    pub lon: f64,
    /// ISO 3166-1 alpha-2 code of the country.
    pub country_code: String,
    /// Country display name.
    pub country: String,
    /// Region display name, when known.
    pub region: Option<String>,
    /// Stable region key `CC.ADMIN1`, when known.
    pub region_key: Option<String>,
    /// GeoNames id of a city.
    pub city_id: Option<u32>,
    /// Population of the place.
    pub population: u64,
    /// For a district, borough or quarter: the city it is part of.
    pub part_of: Option<String>,
    /// Index of an area in the areas table, for [`GeoKind::Area`].
    area: Option<u16>,
}

impl GeoMatch {
    /// The term a profile's place carries ([`place_terms`]) when it lies in
    /// this city or area: `c` + GeoNames id, `a` + folded area name. `None`
    /// for regions and countries, which have terms of their own.
    pub fn search_term(&self) -> Option<String> {
        match self.kind {
            GeoKind::City => self.city_id.map(|id| format!("c{id}")),
            GeoKind::Area => Some(format!("a{}", fold(&self.name))),
            GeoKind::Region | GeoKind::Country => None,
        }
    }
}

struct City {
    id: u32,
    name: String,
    country: u16,
    admin1: String,
    /// Second-level area (county, département), when the data knows it.
    admin2: String,
    lat: f64,
    lon: f64,
    population: u64,
    /// The city this one is a district of (see `districts.rs`).
    part_of: Option<u32>,
}

struct Country {
    iso2: String,
    name: String,
    /// GeoNames continent code: AF, AN, AS, EU, NA, OC, SA.
    continent: String,
    lat: f64,
    lon: f64,
    population: u64,
}

struct Region {
    key: String,
    name: String,
    country: u16,
    lat: f64,
    lon: f64,
    population: u64,
}

struct Places {
    cities: Vec<City>,
    countries: Vec<Country>,
    regions: Vec<Region>,
    city_by_name: HashMap<String, Vec<u32>>,
    country_by_name: HashMap<String, u16>,
    region_by_name: HashMap<String, Vec<u32>>,
    region_by_key: HashMap<String, u32>,
    abbreviations: HashMap<String, String>,
    city_by_id: HashMap<u32, u32>,
    areas: Vec<areas::Area>,
    area_by_name: HashMap<String, u16>,
    unresolved_areas: Vec<String>,
}

static PLACES: LazyLock<Places> = LazyLock::new(load);

fn tsv(data: &str) -> impl Iterator<Item = Vec<&str>> {
    data.lines()
        .skip(1)
        .filter(|l| !l.is_empty())
        .map(|l| l.split('\t').collect())
}

fn load() -> Places {
    let mut countries = Vec::new();
    let mut country_by_name = HashMap::new();
    for row in tsv(crate::data::COUNTRIES) {
        let idx = countries.len() as u16;
        for alias in [row[0], row[1], row[2]]
            .into_iter()
            .chain(row[5].split('|'))
        {
            if !alias.is_empty() {
                country_by_name.entry(fold(alias)).or_insert(idx);
            }
        }
        countries.push(Country {
            iso2: row[0].to_owned(),
            name: row[2].to_owned(),
            continent: row[3].to_owned(),
            lat: 0.0,
            lon: 0.0,
            population: row[4].parse().unwrap_or(0),
        });
    }
    let country_idx: HashMap<String, u16> = countries
        .iter()
        .enumerate()
        .map(|(i, c)| (c.iso2.clone(), i as u16))
        .collect();

    let mut regions = Vec::new();
    let mut region_by_key = HashMap::new();
    let mut region_by_name: HashMap<String, Vec<u32>> = HashMap::new();
    for row in tsv(crate::data::REGIONS) {
        let Some(&country) = country_idx.get(row[0]) else {
            continue;
        };
        let key = format!("{}.{}", row[0], row[1]);
        let idx = regions.len() as u32;
        region_by_key.insert(key.clone(), idx);
        region_by_name.entry(fold(row[2])).or_default().push(idx);
        if row[0] == "US" {
            // "TX", "CA": US state codes are how Americans write their state.
            region_by_name.entry(fold(row[1])).or_default().push(idx);
        }
        regions.push(Region {
            key,
            name: row[2].to_owned(),
            country,
            lat: 0.0,
            lon: 0.0,
            population: 0,
        });
    }

    let mut cities = Vec::new();
    let mut city_by_name: HashMap<String, Vec<u32>> = HashMap::new();
    let mut country_weight = vec![(0.0f64, 0.0f64, 0.0f64); countries.len()];
    let mut region_weight = vec![(0.0f64, 0.0f64, 0.0f64); regions.len()];
    for row in tsv(crate::data::CITIES) {
        let Some(&country) = country_idx.get(row[2]) else {
            continue;
        };
        let city = City {
            id: row[0].parse().unwrap_or(0),
            name: row[1].to_owned(),
            country,
            admin1: row[3].to_owned(),
            admin2: row[7].to_owned(),
            lat: row[4].parse().unwrap_or(0.0),
            lon: row[5].parse().unwrap_or(0.0),
            population: row[6].parse().unwrap_or(0),
            part_of: None,
        };
        let idx = cities.len() as u32;
        let mut names = vec![fold(row[1])];
        names.extend(row[8].split('|').filter(|a| !a.is_empty()).map(fold));
        names.dedup();
        for n in names {
            let slot = city_by_name.entry(n).or_default();
            if !slot.contains(&idx) {
                slot.push(idx);
            }
        }
        let w = city.population as f64;
        let cw = &mut country_weight[country as usize];
        *cw = (cw.0 + city.lat * w, cw.1 + city.lon * w, cw.2 + w);
        if let Some(&r) = region_by_key.get(&format!("{}.{}", row[2], row[3])) {
            let rw = &mut region_weight[r as usize];
            *rw = (rw.0 + city.lat * w, rw.1 + city.lon * w, rw.2 + w);
        }
        cities.push(city);
    }
    // A city's own name before another's former or alternate one, then by
    // population ("Waterloo" is Waterloo, not Austin, once called so)
    for (key, slot) in city_by_name.iter_mut() {
        slot.sort_by_key(|&i| fold(&cities[i as usize].name) != *key);
    }
    for (c, (la, lo, w)) in countries.iter_mut().zip(country_weight) {
        if w > 0.0 {
            (c.lat, c.lon) = (la / w, lo / w);
        }
    }
    for (r, (la, lo, w)) in regions.iter_mut().zip(region_weight) {
        if w > 0.0 {
            (r.lat, r.lon, r.population) = (la / w, lo / w, w as u64);
        }
    }
    // Cities are listed most populous first, so each name's candidates are too.
    let mut abbreviations = HashMap::new();
    for row in tsv(crate::data::ABBREVIATIONS) {
        // (folded both sides: keys are folded, and a long form written with
        // accents, "são paulo", must find its folded name)
        if row[0] == "place" {
            abbreviations.insert(fold(row[1]), fold(row[2]));
        }
    }
    districts::assign(&mut cities, &regions, &region_by_key, &countries);
    let city_by_id = cities
        .iter()
        .enumerate()
        .map(|(i, c)| (c.id, i as u32))
        .collect();
    let mut places = Places {
        cities,
        countries,
        regions,
        city_by_name,
        country_by_name,
        region_by_name,
        region_by_key,
        abbreviations,
        city_by_id,
        areas: Vec::new(),
        area_by_name: HashMap::new(),
        unresolved_areas: Vec::new(),
    };
    areas::load(&mut places);
    places
}

impl Places {
    fn city_match(&self, idx: u32) -> GeoMatch {
        let c = &self.cities[idx as usize];
        let country = &self.countries[c.country as usize];
        let region_key = format!("{}.{}", country.iso2, c.admin1);
        let region = self
            .region_by_key
            .get(&region_key)
            .map(|&r| self.regions[r as usize].name.clone());
        GeoMatch {
            kind: GeoKind::City,
            name: c.name.clone(),
            lat: c.lat,
            lon: c.lon,
            country_code: country.iso2.clone(),
            country: country.name.clone(),
            region_key: region.as_ref().map(|_| region_key),
            region,
            city_id: Some(c.id),
            population: c.population,
            part_of: c.part_of.map(|p| self.cities[p as usize].name.clone()),
            area: None,
        }
    }

    fn region_match(&self, idx: u32) -> GeoMatch {
        let r = &self.regions[idx as usize];
        let country = &self.countries[r.country as usize];
        GeoMatch {
            kind: GeoKind::Region,
            name: r.name.clone(),
            lat: r.lat,
            lon: r.lon,
            country_code: country.iso2.clone(),
            country: country.name.clone(),
            region: Some(r.name.clone()),
            region_key: Some(r.key.clone()),
            city_id: None,
            population: r.population,
            part_of: None,
            area: None,
        }
    }

    fn country_match(&self, idx: u16) -> GeoMatch {
        let c = &self.countries[idx as usize];
        GeoMatch {
            kind: GeoKind::Country,
            name: c.name.clone(),
            lat: c.lat,
            lon: c.lon,
            country_code: c.iso2.clone(),
            country: c.name.clone(),
            region: None,
            region_key: None,
            city_id: None,
            population: c.population,
            part_of: None,
            area: None,
        }
    }

    fn expand<'a>(&'a self, folded: &'a str) -> &'a str {
        self.abbreviations
            .get(folded)
            .map(String::as_str)
            .unwrap_or(folded)
    }

    /// Whether city `idx` lies in the place named by `qualifier` (a country or region).
    fn city_within(&self, idx: u32, qualifier: &str) -> bool {
        let c = &self.cities[idx as usize];
        if let Some(&country) = self.country_by_name.get(qualifier) {
            if country == c.country {
                return true;
            }
        }
        let key = format!("{}.{}", self.countries[c.country as usize].iso2, c.admin1);
        self.region_by_name
            .get(qualifier)
            .is_some_and(|rs| rs.iter().any(|&r| self.regions[r as usize].key == key))
    }

    fn geocode(&self, text: &str) -> Option<GeoMatch> {
        let mut parts = text.splitn(2, ',');
        let head = fold(parts.next().unwrap_or(""));
        let qualifier = parts.next().map(fold).filter(|q| !q.is_empty());
        let head = self.expand(&head).to_owned();
        if head.is_empty() {
            return None;
        }
        if let Some(q) = qualifier {
            let q = self.expand(&q).to_owned();
            if let Some(cands) = self.city_by_name.get(&head) {
                if let Some(&idx) = cands.iter().find(|&&i| self.city_within(i, &q)) {
                    return Some(self.city_match(idx));
                }
            }
            if let Some(rs) = self.region_by_name.get(&head) {
                if let Some(&country) = self.country_by_name.get(&q) {
                    if let Some(&r) = rs
                        .iter()
                        .find(|&&r| self.regions[r as usize].country == country)
                    {
                        return Some(self.region_match(r));
                    }
                }
            }
        }
        if let Some(&c) = self.country_by_name.get(&head) {
            return Some(self.country_match(c));
        }
        // Areas are curated names ("DACH", "Bay Area"): they go before
        // city names, which hold every alternate spelling of every town.
        if let Some(&a) = self.area_by_name.get(&head) {
            return Some(self.area_match(a));
        }
        if let Some(&idx) = self.city_by_name.get(&head).and_then(|c| c.first()) {
            // "Florida", "Ontario": a state or province named like a town
            // twenty times smaller is the state (not Florida, Cuba); a city
            // as large as its namesake state stays (New York). A US state
            // goes before any town of its name but a city of half a million
            // (Montana, Delaware, Wyoming; Washington stays DC)
            let region = self
                .region_by_name
                .get(&head)
                .filter(|_| head.len() > 2)
                .and_then(|rs| {
                    rs.iter()
                        .copied()
                        .max_by_key(|&r| self.regions[r as usize].population)
                })
                .filter(|&r| {
                    let region = &self.regions[r as usize];
                    let city = &self.cities[idx as usize];
                    if self.countries[region.country as usize].iso2 == "US" {
                        city.population < 500_000
                    } else {
                        region.population > city.population.saturating_mul(20)
                    }
                });
            if let Some(r) = region {
                return Some(self.region_match(r));
            }
            return Some(self.city_match(idx));
        }
        // Two-letter US state codes only count with a qualifier or in full ("TX" alone is too terse).
        if let Some(rs) = self.region_by_name.get(&head).filter(|_| head.len() > 2) {
            let best = rs
                .iter()
                .copied()
                .max_by_key(|&r| self.regions[r as usize].population)?;
            return Some(self.region_match(best));
        }
        None
    }

    fn locate_profile(
        &self,
        city: Option<&str>,
        state: Option<&str>,
        country: Option<&str>,
    ) -> Option<GeoMatch> {
        let country_idx = country
            .map(fold)
            .and_then(|c| self.country_by_name.get(self.expand(&c)).copied());
        if let Some(city) = city.map(fold).filter(|c| !c.is_empty()) {
            let city = self.expand(&city).to_owned();
            if let Some(cands) = self.city_by_name.get(&city) {
                let state_key = state.map(fold);
                let pick = cands
                    .iter()
                    .copied()
                    .filter(|&i| country_idx.is_none_or(|c| self.cities[i as usize].country == c))
                    .find(|&i| state_key.as_deref().is_none_or(|s| self.city_within(i, s)))
                    .or_else(|| {
                        cands.iter().copied().find(|&i| {
                            country_idx.is_none_or(|c| self.cities[i as usize].country == c)
                        })
                    });
                if let Some(i) = pick {
                    return Some(self.city_match(i));
                }
            }
        }
        if let (Some(state), Some(c)) = (state.map(fold), country_idx) {
            if let Some(r) = self
                .region_by_name
                .get(&state)
                .and_then(|rs| rs.iter().find(|&&r| self.regions[r as usize].country == c))
            {
                return Some(self.region_match(*r));
            }
        }
        country_idx.map(|c| self.country_match(c))
    }
}

/// Resolves free text to a city, region or country; `None` when unknown.
pub fn geocode(text: &str) -> Option<GeoMatch> {
    PLACES.geocode(text)
}

/// The US state of a two-letter postal code ("NJ" → New Jersey), which
/// [`geocode`] reads only with a qualifier (alone, "CA" is Canada).
pub fn us_state(code: &str) -> Option<GeoMatch> {
    let p = &*PLACES;
    let key = format!("US.{}", code.to_ascii_uppercase());
    p.region_by_name
        .get(&fold(code))?
        .iter()
        .copied()
        .find(|&r| p.regions[r as usize].key == key)
        .map(|r| p.region_match(r))
}

/// Locates a profile from its `city`, `state` and `country` fields: the most
/// precise place they agree on (a city, else the region, else the country).
pub fn locate_profile(
    city: Option<&str>,
    state: Option<&str>,
    country: Option<&str>,
) -> Option<GeoMatch> {
    PLACES.locate_profile(city, state, country)
}

/// The terms of every city and area a profile's place lies in: its own city
/// (`c` + GeoNames id), the city it is a district of, and each area
/// containing it (`a` + folded area name). A `LOCATION` filter on a city or
/// area is then one term: [`GeoMatch::search_term`].
pub fn place_terms(place: &GeoMatch) -> Vec<String> {
    PLACES.place_terms(place)
}

/// The area (by display name) through which `place` lies in `searched`,
/// when `searched` is an area containing it; the city it is part of when
/// `searched` is that city. For explanations: "Brooklyn, part of New York City".
pub fn how_within(place: &GeoMatch, searched: &GeoMatch) -> Option<String> {
    match searched.kind {
        GeoKind::City => {
            let container = place.part_of.as_ref()?;
            (place.city_id != searched.city_id && *container == searched.name)
                .then(|| format!("{}, part of {}", place.name, container))
        }
        GeoKind::Area => PLACES
            .area_contains(searched.area?, place)
            .then(|| format!("{}, in {}", place.name, searched.name)),
        GeoKind::Region | GeoKind::Country => None,
    }
}

/// A city by GeoNames id.
pub fn city_by_id(id: u32) -> Option<GeoMatch> {
    PLACES.city_by_id.get(&id).map(|&i| PLACES.city_match(i))
}

/// Cities as `(name, country code, lat, lon, population)`, most populous first;
/// the generator samples from it.
pub fn cities() -> impl Iterator<Item = (&'static str, &'static str, f64, f64, u64)> {
    let p: &'static Places = &PLACES;
    p.cities.iter().map(move |c| {
        (
            c.name.as_str(),
            p.countries[c.country as usize].iso2.as_str(),
            c.lat,
            c.lon,
            c.population,
        )
    })
}

/// The display names of every country.
pub fn country_names() -> impl Iterator<Item = &'static str> {
    let p: &'static Places = &PLACES;
    p.countries.iter().map(|c| c.name.as_str())
}

/// The short names and other spellings people type for places
/// (`abbreviations.tsv`: *ksa*, *geneve*, *den haag*), folded.
pub fn place_aliases() -> impl Iterator<Item = &'static str> {
    let p: &'static Places = &PLACES;
    p.abbreviations.keys().map(String::as_str)
}

/// The display name of a country by ISO code.
pub fn country_name(iso2: &str) -> Option<&'static str> {
    let p: &'static Places = &PLACES;
    p.country_by_name
        .get(&iso2.to_ascii_lowercase())
        .map(|&i| p.countries[i as usize].name.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_place_abbreviation_resolves_and_accents_do_not_matter() {
        for row in tsv(crate::data::ABBREVIATIONS).filter(|r| r[0] == "place") {
            assert!(geocode(row[1]).is_some(), "{} unresolved", row[1]);
        }
        for name in ["São Paulo", "Sao Paulo", "são paulo"] {
            let m = geocode(name).unwrap_or_else(|| panic!("{name} unresolved"));
            assert_eq!((m.kind, m.country_code.as_str()), (GeoKind::City, "BR"));
        }
    }

    #[test]
    fn cities_regions_and_countries_resolve() {
        let paris = geocode("Paris").unwrap();
        assert_eq!(
            (paris.kind, paris.country_code.as_str()),
            (GeoKind::City, "FR")
        );
        assert!((paris.lat - 48.85).abs() < 0.1);
        assert_eq!(paris.region.as_deref(), Some("Ile-de-France"));
        for us in ["United States", "USA", "US", "u.s.a.", "Estados Unidos"] {
            let m = geocode(us).unwrap_or_else(|| panic!("{us} unresolved"));
            assert_eq!(
                (m.kind, m.country_code.as_str()),
                (GeoKind::Country, "US"),
                "{us}"
            );
        }
        assert_eq!(geocode("NYC").unwrap().name, "New York City");
        assert_eq!(geocode("New York").unwrap().kind, GeoKind::City);
        assert_eq!(geocode("California").unwrap().kind, GeoKind::Region);
        assert_eq!(
            geocode("Île-de-France").unwrap().region_key.as_deref(),
            Some("FR.11")
        );
        assert_eq!(geocode("München").unwrap().name, "Munich");
        let austin = geocode("Austin, TX").unwrap();
        assert_eq!(
            (austin.name.as_str(), austin.country_code.as_str()),
            ("Austin", "US")
        );
        let paris_tx = geocode("Paris, Texas").unwrap();
        assert_eq!(paris_tx.country_code, "US");
        assert!(geocode("Atlantis-under-the-sea").is_none());
        // a state named like a far smaller town is the state; a city as
        // large as its namesake state stays the city
        for (name, kind, country) in [
            ("Florida", GeoKind::Region, "US"),
            ("Montana", GeoKind::Region, "US"),
            ("Delaware", GeoKind::Region, "US"),
            ("Ontario", GeoKind::Region, "CA"),
            ("Washington", GeoKind::City, "US"),
            ("New York", GeoKind::City, "US"),
            ("Paris", GeoKind::City, "FR"),
        ] {
            let m = geocode(name).unwrap_or_else(|| panic!("{name} unresolved"));
            assert_eq!((m.kind, m.country_code.as_str()), (kind, country), "{name}");
        }
        // a city's own name before another's former one (Austin was once
        // Waterloo); an alternate name still finds its city
        assert_ne!(geocode("Waterloo").unwrap().name, "Austin");
        assert_eq!(geocode("Bombay").unwrap().name, "Mumbai");
        // a US state's postal code, read alone on purpose
        assert_eq!(us_state("NJ").unwrap().name, "New Jersey");
        assert_eq!(us_state("nc").unwrap().kind, GeoKind::Region);
        assert!(us_state("ZZ").is_none());
    }

    #[test]
    fn profiles_locate_with_their_country_as_a_hint() {
        let london_ca = locate_profile(Some("London"), None, Some("Canada")).unwrap();
        assert_eq!(london_ca.country_code, "CA");
        let london = locate_profile(Some("London"), None, None).unwrap();
        assert_eq!(london.country_code, "GB");
        let only_country = locate_profile(Some("Nowhere"), None, Some("France")).unwrap();
        assert_eq!(only_country.kind, GeoKind::Country);
    }
}
