//! GPX 1.1: each `<trk>` is one activity, its `<type>` the sport, its segments the points.
//! Step rate comes from Garmin's track-point extension (`<cad>`, strides a minute: one foot,
//! so doubled to steps).

use super::summary::{Point, figures, whole};
use super::xml::{Step, walk};
use super::{Activity, Broken, kind_of, parse_time};

#[derive(Default)]
struct Track {
    sport: String,
    segments: Vec<Vec<Point>>,
    offset: Option<jiff::tz::Offset>,
}

pub(super) fn parse(bytes: &[u8]) -> Result<Vec<Activity>, Broken> {
    let mut tracks: Vec<Track> = Vec::new();
    let mut point = Point::default();
    let mut seen_root = false;
    walk(bytes, |path, step| {
        let parent = |n: usize| path.len().checked_sub(n).map(|i| path[i].as_str());
        match step {
            Step::Open(name, attrs) => match name {
                "gpx" => seen_root = true,
                "trk" => tracks.push(Track::default()),
                "trkseg" => {
                    if let Some(t) = tracks.last_mut() {
                        t.segments.push(Vec::new());
                    }
                }
                "trkpt" => {
                    point = Point::default();
                    let coord = |key: &str| {
                        attrs
                            .iter()
                            .find(|(k, _)| k == key)
                            .and_then(|(_, v)| v.trim().parse::<f64>().ok())
                    };
                    point.lat_lon = match (coord("lat"), coord("lon")) {
                        (Some(lat), Some(lon))
                            if (-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon) =>
                        {
                            Some((lat, lon))
                        }
                        _ => return Err("a track point without a valid lat and lon".into()),
                    };
                }
                _ => {}
            },
            Step::Text(text) => match (parent(1), parent(2)) {
                (Some("type"), Some("trk")) => {
                    if let Some(t) = tracks.last_mut() {
                        t.sport = crate::text::clean(text.trim()).into_owned();
                    }
                }
                (Some("ele"), Some("trkpt")) => point.elevation = Some(number(text, "ele")?),
                (Some("time"), Some("trkpt")) => {
                    let (t, offset) = parse_time(text)
                        .ok_or_else(|| format!("`{}` is not a time", crate::text::excerpt(text)))?;
                    point.time = Some(t);
                    if let Some(track) = tracks.last_mut()
                        && track.offset.is_none()
                    {
                        track.offset = offset;
                    }
                }
                (Some("cad"), _) if path.iter().any(|p| p == "trkpt") => {
                    point.cadence = Some(number(text, "cad")? * 2.0);
                }
                _ => {}
            },
            Step::Close("trkpt") => {
                if let Some(seg) = tracks.last_mut().and_then(|t| t.segments.last_mut()) {
                    seg.push(point);
                }
            }
            Step::Close(_) => {}
        }
        Ok(())
    })?;
    if !seen_root {
        return Err(Broken {
            at: "line 1, column 1".into(),
            message: "no <gpx> element".into(),
        });
    }
    Ok(tracks.into_iter().filter_map(activity).collect())
}

/// A track's summary; `None` for a track with no timed points (a planned route, not a record).
fn activity(track: Track) -> Option<Activity> {
    let start = track.segments.iter().flatten().find_map(|p| p.time)?;
    let f = figures(&track.segments);
    Some(Activity {
        start,
        offset: track.offset,
        kind: kind_of(&track.sport),
        sport: track.sport,
        moving_s: whole(f.moving_s),
        distance_m: whole(f.distance_m),
        ascent_m: whole(f.ascent_m),
        descent_m: whole(f.descent_m),
        cadence: f.cadence,
    })
}

pub(super) fn number(text: &str, what: &str) -> Result<f64, String> {
    text.trim()
        .parse::<f64>()
        .ok()
        .filter(|x| x.is_finite())
        .ok_or_else(|| format!("<{what}> `{}` is not a number", crate::text::excerpt(text)))
}
