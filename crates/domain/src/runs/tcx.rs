//! TCX (Garmin's Training Center XML): each `<Activity Sport="...">` is one activity. Moving
//! time and distance are its laps' totals (`TotalTimeSeconds` is the timer's time: pauses are
//! left out); climb, descent and step rate come from the track points. Running step rate is
//! the `RunCadence` extension (strides a minute, doubled to steps).

use super::gpx::number;
use super::summary::{Point, figures, whole};
use super::xml::{Step, walk};
use super::{Activity, Broken, kind_of, parse_time};

#[derive(Default)]
struct Act {
    sport: String,
    id: Option<(jiff::Timestamp, Option<jiff::tz::Offset>)>,
    lap_seconds: f64,
    lap_metres: f64,
    laps: usize,
    tracks: Vec<Vec<Point>>,
}

pub(super) fn parse(bytes: &[u8]) -> Result<Vec<Activity>, Broken> {
    let mut acts: Vec<Act> = Vec::new();
    let mut point = Point::default();
    walk(bytes, |path, step| {
        let parent = |n: usize| path.len().checked_sub(n).map(|i| path[i].as_str());
        let act = acts.last_mut();
        match step {
            Step::Open("Activity", attrs) => acts.push(Act {
                sport: attrs
                    .iter()
                    .find(|(k, _)| k == "Sport")
                    .map(|(_, v)| crate::text::clean(v.trim()).into_owned())
                    .unwrap_or_default(),
                ..Act::default()
            }),
            Step::Open("Lap", _) => {
                if let Some(a) = act {
                    a.laps += 1;
                }
            }
            Step::Open("Track", _) => {
                if let Some(a) = act {
                    a.tracks.push(Vec::new());
                }
            }
            Step::Open("Trackpoint", _) => point = Point::default(),
            Step::Open(..) => {}
            Step::Text(text) => {
                let Some(a) = act else { return Ok(()) };
                match (parent(1), parent(2)) {
                    (Some("Id"), Some("Activity")) => {
                        a.id = Some(parse_time(text).ok_or_else(|| not_time(text))?);
                    }
                    (Some("TotalTimeSeconds"), Some("Lap")) => {
                        a.lap_seconds += number(text, "TotalTimeSeconds")?;
                    }
                    (Some("DistanceMeters"), Some("Lap")) => {
                        a.lap_metres += number(text, "DistanceMeters")?;
                    }
                    (Some("Time"), Some("Trackpoint")) => {
                        point.time = Some(parse_time(text).ok_or_else(|| not_time(text))?.0);
                    }
                    (Some("AltitudeMeters"), Some("Trackpoint")) => {
                        point.elevation = Some(number(text, "AltitudeMeters")?);
                    }
                    (Some("DistanceMeters"), Some("Trackpoint")) => {
                        point.distance = Some(number(text, "DistanceMeters")?);
                    }
                    (Some("LatitudeDegrees"), _) => {
                        let lat = number(text, "LatitudeDegrees")?;
                        point.lat_lon = Some((lat, point.lat_lon.map_or(0.0, |p| p.1)));
                    }
                    (Some("LongitudeDegrees"), _) => {
                        let lon = number(text, "LongitudeDegrees")?;
                        point.lat_lon = Some((point.lat_lon.map_or(0.0, |p| p.0), lon));
                    }
                    (Some("RunCadence"), _) => {
                        point.cadence = Some(number(text, "RunCadence")? * 2.0);
                    }
                    _ => {}
                }
            }
            Step::Close("Trackpoint") => {
                if let Some(t) = act.and_then(|a| a.tracks.last_mut()) {
                    t.push(point);
                }
            }
            Step::Close(_) => {}
        }
        Ok(())
    })?;
    Ok(acts.into_iter().filter_map(activity).collect())
}

fn not_time(text: &str) -> String {
    format!("`{}` is not a time", crate::text::excerpt(text))
}

/// An activity's summary; `None` when it holds no time at all.
fn activity(a: Act) -> Option<Activity> {
    let f = figures(&a.tracks);
    let first_point = a.tracks.iter().flatten().find_map(|p| p.time);
    let (start, offset) = a.id.or(first_point.map(|t| (t, None)))?;
    let (moving, distance) = if a.laps > 0 {
        (a.lap_seconds, a.lap_metres)
    } else {
        (f.moving_s, f.distance_m)
    };
    Some(Activity {
        start,
        offset,
        kind: kind_of(&a.sport),
        sport: a.sport,
        moving_s: whole(moving),
        distance_m: whole(distance),
        ascent_m: whole(f.ascent_m),
        descent_m: whole(f.descent_m),
        cadence: f.cadence,
    })
}
