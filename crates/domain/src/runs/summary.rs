//! From a track's points to the figures kept: moving time, distance, climb and descent, and
//! the median step rate. Shared by the GPX and TCX readers (a FIT file carries its own totals).

use jiff::Timestamp;

/// One point of a track, with what the file gave for it.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(super) struct Point {
    pub time: Option<Timestamp>,
    pub lat_lon: Option<(f64, f64)>,
    pub elevation: Option<f64>,
    /// Distance from the start, when the file counts it (TCX).
    pub distance: Option<f64>,
    /// Steps a minute at this point.
    pub cadence: Option<f64>,
}

/// What the points add up to.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(super) struct Figures {
    pub moving_s: f64,
    pub distance_m: f64,
    pub ascent_m: f64,
    pub descent_m: f64,
    pub cadence: Option<u16>,
}

/// Two points further apart than this in time are a pause (a watch that paused, or lost the
/// signal) and add no moving time.
pub(super) const MAX_GAP_S: f64 = 120.0;
/// Slower than this between two points is standing still.
const MIN_SPEED: f64 = 0.3;
/// A change in elevation counts once it passes this (GPS and barometers wander by a metre or
/// two; counting every wobble would turn a flat route into a hilly one).
const CLIMB_STEP_M: f64 = 3.0;

/// The figures of a track given as segments (a watch starts a new segment after a pause).
pub(super) fn figures(segments: &[Vec<Point>]) -> Figures {
    let mut f = Figures::default();
    let mut cadences = Vec::new();
    for segment in segments {
        let mut level: Option<f64> = None;
        for pair in segment.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            let step = match (a.distance, b.distance, a.lat_lon, b.lat_lon) {
                (Some(x), Some(y), ..) => (y - x).max(0.0),
                (_, _, Some(p), Some(q)) => metres_between(p, q),
                _ => 0.0,
            };
            f.distance_m += step;
            if let (Some(t0), Some(t1)) = (a.time, b.time) {
                let dt = t1.duration_since(t0).as_secs_f64();
                if dt > 0.0 && dt <= MAX_GAP_S && step / dt >= MIN_SPEED {
                    f.moving_s += dt;
                }
            }
        }
        for p in segment {
            if let Some(e) = p.elevation {
                let base = *level.get_or_insert(e);
                if e - base >= CLIMB_STEP_M {
                    f.ascent_m += e - base;
                    level = Some(e);
                } else if base - e >= CLIMB_STEP_M {
                    f.descent_m += base - e;
                    level = Some(e);
                }
            }
            cadences.extend(p.cadence.filter(|c| *c > 0.0));
        }
    }
    f.cadence = median(&mut cadences).map(|c| c.round() as u16);
    f
}

/// The middle value (the mean of the middle two for an even count).
pub(super) fn median(values: &mut [f64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    values.sort_by(f64::total_cmp);
    let mid = values.len() / 2;
    Some(if values.len().is_multiple_of(2) {
        (values[mid - 1] + values[mid]) / 2.0
    } else {
        values[mid]
    })
}

/// Metres between two points on the earth (haversine, on a sphere of the mean radius).
pub(super) fn metres_between((lat1, lon1): (f64, f64), (lat2, lon2): (f64, f64)) -> f64 {
    const R: f64 = 6_371_008.8;
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = (lat2 - lat1).to_radians();
    let dl = (lon2 - lon1).to_radians();
    let h = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * R * h.sqrt().min(1.0).asin()
}

/// A figure as whole units, in the range a record holds.
pub(super) fn whole(x: f64) -> u32 {
    if x.is_finite() && x > 0.0 {
        x.round().min(f64::from(u32::MAX)) as u32
    } else {
        0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: i64, lat: f64, ele: f64) -> Point {
        Point {
            time: Timestamp::from_second(1_796_000_000 + s).ok(),
            lat_lon: Some((lat, 0.0)),
            elevation: Some(ele),
            ..Point::default()
        }
    }

    #[test]
    fn a_degree_of_latitude_is_about_111_km() {
        let d = metres_between((0.0, 0.0), (1.0, 0.0));
        assert!((d - 111_195.0).abs() < 5.0, "{d}");
    }

    #[test]
    fn pauses_and_standing_still_are_not_moving_time() {
        // 0.0001 degrees of latitude is about 11 m.
        let points = vec![
            at(0, 0.0, 10.0),
            at(10, 0.0001, 10.0),  // moving 10 s
            at(20, 0.0001, 10.0),  // standing 10 s
            at(620, 0.0003, 10.0), // a 10-minute pause
            at(630, 0.0004, 20.0), // moving 10 s, 10 m up
            at(640, 0.0005, 10.5), // 9.5 m down
        ];
        let f = figures(&[points]);
        assert_eq!(f.moving_s, 30.0);
        assert!((f.distance_m - 5.0 * 11.12).abs() < 1.0, "{}", f.distance_m);
        assert_eq!((f.ascent_m, f.descent_m), (10.0, 9.5));
    }

    #[test]
    fn the_median_ignores_missing_cadence() {
        let mut p = at(0, 0.0, 0.0);
        let mut points = Vec::new();
        for c in [0.0, 160.0, 170.0, 180.0] {
            p.cadence = Some(c);
            points.push(p);
        }
        assert_eq!(figures(&[points]).cadence, Some(170));
        assert_eq!(figures(&[vec![at(0, 0.0, 0.0)]]).cadence, None);
    }
}
