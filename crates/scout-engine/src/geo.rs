//! A latitude/longitude grid for radius search. Each profile is indexed with
//! the cell holding it at three resolutions; a radius query picks the finest
//! resolution whose cover of the circle stays small and ORs those cell
//! terms. Cells wholly inside the circle need no further test; only the
//! profiles of cells the circle's edge crosses get the exact great-circle
//! distance check.

use scout_taxonomy::haversine_km;

/// Cell sizes in degrees, coarse to fine.
const LEVELS: [f64; 3] = [2.0, 0.5, 0.1];
/// Most cells a cover may use before a coarser level is chosen: enough for
/// a 60 km circle at the finest level, where most of a city's profiles sit
/// in cells wholly inside it.
const MAX_COVER_CELLS: usize = 256;
/// How far inside the radius (km) a cell's corners must be for the cell to
/// count as inside: a margin for the rounding of the distance formula.
const INSIDE_MARGIN_KM: f64 = 0.01;

fn cell(level: usize, lat: f64, lon: f64) -> String {
    let size = LEVELS[level];
    format!(
        "{level}:{}:{}",
        (lat / size).floor() as i64,
        (lon / size).floor() as i64
    )
}

/// The cells holding a point, one per level.
pub(crate) fn cells_of(lat: f64, lon: f64) -> Vec<String> {
    (0..LEVELS.len()).map(|l| cell(l, lat, lon)).collect()
}

/// The cells covering a circle: those wholly inside it, and those its edge
/// crosses. Every point within the radius lies in one of them.
#[derive(Debug, Default, PartialEq)]
pub(crate) struct Cover {
    pub inside: Vec<String>,
    pub edge: Vec<String>,
}

/// Cells covering every point within `radius_km` of a point.
pub(crate) fn cover(lat: f64, lon: f64, radius_km: f64) -> Cover {
    let dlat = radius_km / 110.574;
    let lat_lo = (lat - dlat).max(-90.0);
    let lat_hi = (lat + dlat).min(90.0);
    let widest = lat_lo.abs().max(lat_hi.abs()).min(89.0).to_radians().cos();
    let dlon = (radius_km / (111.320 * widest)).min(180.0);
    for level in (0..LEVELS.len()).rev() {
        let size = LEVELS[level];
        let rows = ((lat_hi / size).floor() - (lat_lo / size).floor()) as usize + 1;
        let cols = (((lon + dlon) / size).floor() - ((lon - dlon) / size).floor()) as usize + 1;
        if rows * cols <= MAX_COVER_CELLS || level == 0 {
            let mut out = Cover::default();
            let r0 = (lat_lo / size).floor() as i64;
            let c0 = ((lon - dlon) / size).floor() as i64;
            // Columns past ±180° wrap around to the other side.
            let per_turn = (360.0 / size).round() as i64;
            let half = per_turn / 2;
            for r in r0..r0 + rows as i64 {
                for c in c0..c0 + cols as i64 {
                    let wrapped = if c >= half {
                        c - per_turn
                    } else if c < -half {
                        c + per_turn
                    } else {
                        c
                    };
                    let name = format!("{level}:{r}:{wrapped}");
                    // Along a parallel or a meridian the distance from the
                    // centre has no maximum short of the far side of the
                    // Earth, so a small cell's farthest point is a corner.
                    let (south, west) = (r as f64 * size, c as f64 * size);
                    let inside = [(0.0, 0.0), (0.0, size), (size, 0.0), (size, size)]
                        .iter()
                        .all(|(dy, dx)| {
                            haversine_km(lat, lon, south + dy, west + dx)
                                <= radius_km - INSIDE_MARGIN_KM
                        });
                    if inside {
                        out.inside.push(name);
                    } else {
                        out.edge.push(name);
                    }
                }
            }
            for cells in [&mut out.inside, &mut out.edge] {
                cells.sort();
                cells.dedup();
            }
            out.edge.retain(|c| out.inside.binary_search(c).is_err());
            return out;
        }
    }
    Cover::default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn a_point_within_the_radius_is_always_covered(
            lat in -80.0f64..80.0, lon in -179.0f64..179.0, radius in 1.0f64..300.0,
            bearing in 0.0f64..360.0, frac in 0.0f64..1.0,
        ) {
            // Walk `frac * radius` km along `bearing` and check the cover holds that point.
            let d = frac * radius / 6371.0088;
            let (p1, l1, b) = (lat.to_radians(), lon.to_radians(), bearing.to_radians());
            let p2 = (p1.sin() * d.cos() + p1.cos() * d.sin() * b.cos()).asin();
            let l2 = l1 + (b.sin() * d.sin() * p1.cos()).atan2(d.cos() - p1.sin() * p2.sin());
            let (lat2, mut lon2) = (p2.to_degrees(), l2.to_degrees());
            if lon2 > 180.0 { lon2 -= 360.0 } else if lon2 < -180.0 { lon2 += 360.0 }
            let cover = cover(lat, lon, radius);
            let mine = cells_of(lat2, lon2);
            prop_assert!(
                mine.iter().any(|c| cover.inside.contains(c) || cover.edge.contains(c)),
                "{lat2},{lon2} not in cover"
            );
        }

        #[test]
        fn every_point_of_an_inside_cell_is_within_the_radius(
            lat in -80.0f64..80.0, lon in -179.0f64..179.0, radius in 1.0f64..300.0,
            pick in 0usize..1000, fy in 0.0f64..1.0, fx in 0.0f64..1.0,
        ) {
            let cover = cover(lat, lon, radius);
            prop_assume!(!cover.inside.is_empty());
            let cell = &cover.inside[pick % cover.inside.len()];
            let parts: Vec<&str> = cell.split(':').collect();
            let size = LEVELS[parts[0].parse::<usize>().unwrap()];
            let (r, c): (f64, f64) = (parts[1].parse().unwrap(), parts[2].parse().unwrap());
            let (plat, plon) = ((r + fy) * size, (c + fx) * size);
            prop_assert!(haversine_km(lat, lon, plat, plon) <= radius, "{plat},{plon} of {cell}");
        }
    }

    #[test]
    fn a_city_radius_is_mostly_inside_cells_at_the_finest_level() {
        // London, 50 km
        let cover = cover(51.5074, -0.1278, 50.0);
        assert!(cover
            .inside
            .iter()
            .chain(&cover.edge)
            .all(|c| c.starts_with("2:")));
        assert!(cover.inside.len() > cover.edge.len() / 2, "{cover:?}");
        assert!(cover.inside.len() + cover.edge.len() <= MAX_COVER_CELLS);
        let centre = cells_of(51.5074, -0.1278);
        assert!(cover.inside.contains(&centre[2]));
    }
}
