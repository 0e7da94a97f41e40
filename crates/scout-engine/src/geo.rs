//! A latitude/longitude grid for radius search. Each profile is indexed with
//! the cell holding it at three resolutions; a radius query picks the finest
//! resolution whose cover of the circle stays small, ORs those cell terms,
//! and checks the exact great-circle distance on what they return.

/// Cell sizes in degrees, coarse to fine.
const LEVELS: [f64; 3] = [2.0, 0.5, 0.1];
/// Most cells a cover may use before a coarser level is chosen.
const MAX_COVER_CELLS: usize = 64;

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

/// Cells covering every point within `radius_km` of a point.
pub(crate) fn cover(lat: f64, lon: f64, radius_km: f64) -> Vec<String> {
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
            let mut out = Vec::with_capacity(rows * cols);
            let r0 = (lat_lo / size).floor() as i64;
            let c0 = ((lon - dlon) / size).floor() as i64;
            for r in r0..r0 + rows as i64 {
                for c in c0..c0 + cols as i64 {
                    // Columns past ±180° wrap around to the other side.
                    let per_turn = (360.0 / size).round() as i64;
                    let half = per_turn / 2;
                    let wrapped = if c >= half {
                        c - per_turn
                    } else if c < -half {
                        c + per_turn
                    } else {
                        c
                    };
                    out.push(format!("{level}:{r}:{wrapped}"));
                }
            }
            out.sort();
            out.dedup();
            return out;
        }
    }
    Vec::new()
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
            prop_assert!(mine.iter().any(|c| cover.contains(c)), "{lat2},{lon2} not in cover");
        }
    }
}
