//! FIT (Garmin's binary activity files), read with `fitparser`: each session is one activity,
//! with the watch's own totals (`total_timer_time` leaves pauses out). The median step rate is
//! worked out from the records inside the session (`cadence` is strides a minute for running:
//! one foot, so doubled to steps, plus the fractional part when given).

use fitparser::profile::MesgNum;
use fitparser::{FitDataRecord, Value};
use jiff::Timestamp;

use super::summary::{median, whole};
use super::{Activity, Broken, kind_of};

pub(super) fn parse(bytes: &[u8]) -> Result<Vec<Activity>, Broken> {
    check_length(bytes)?;
    // The parser is not ours and reads what a patient sends: a panic in it is one more way
    // for a file to be broken, not a crash.
    let parsed = std::panic::catch_unwind(|| fitparser::from_bytes(bytes)).map_err(|_| Broken {
        at: "byte 1".into(),
        message: "the FIT reader could not make sense of it".into(),
    })?;
    let records = parsed.map_err(|e| Broken {
        at: match &*e {
            fitparser::ErrorKind::ParseError(at, _)
            | fitparser::ErrorKind::MissingDefinitionMessage(_, at) => format!("byte {}", at + 1),
            fitparser::ErrorKind::TrailingBytes(n) => format!("byte {}", bytes.len() - n + 1),
            _ => format!("byte {}", bytes.len()),
        },
        message: crate::text::clean(&e.to_string()).into_owned(),
    })?;
    let points: Vec<(i64, f64)> = records
        .iter()
        .filter(|r| r.kind() == MesgNum::Record)
        .filter_map(|r| {
            let t = time(r, "timestamp")?;
            let strides = number(r, "cadence").filter(|c| *c > 0.0)?;
            let fraction = number(r, "fractional_cadence").unwrap_or(0.0);
            Some((t.as_second(), (strides + fraction) * 2.0))
        })
        .collect();
    let sessions = records
        .iter()
        .filter(|r| r.kind() == MesgNum::Session)
        .filter_map(|s| session(s, &points))
        .collect();
    Ok(sessions)
}

/// Refuses a file shorter than its header says: a download cut short. Where it broke is the
/// end of what arrived.
fn check_length(bytes: &[u8]) -> Result<(), Broken> {
    let cut = |message: String| Broken {
        at: format!("byte {}", bytes.len()),
        message,
    };
    let header = usize::from(*bytes.first().ok_or_else(|| cut("empty".into()))?);
    if header < 12 || bytes.len() < 12 {
        return Err(cut("the FIT header is cut short".into()));
    }
    let data = u32::from_le_bytes([bytes[4], bytes[5], bytes[6], bytes[7]]) as usize;
    let want = header + data + 2;
    if bytes.len() < want {
        return Err(cut(format!(
            "cut short: the header says {want} bytes, the file has {}",
            bytes.len()
        )));
    }
    Ok(())
}

fn session(s: &FitDataRecord, points: &[(i64, f64)]) -> Option<Activity> {
    let start = time(s, "start_time")?;
    let sport = match s.fields().iter().find(|f| f.name() == "sport")?.value() {
        Value::String(name) => crate::text::clean(name).into_owned(),
        other => crate::text::clean(&other.to_string()).into_owned(),
    };
    let timer = number(s, "total_timer_time").unwrap_or(0.0);
    let elapsed = number(s, "total_elapsed_time").unwrap_or(timer);
    let (from, to) = (start.as_second(), start.as_second() + elapsed.ceil() as i64);
    let mut cadences: Vec<f64> = points
        .iter()
        .filter(|(t, _)| (from..=to).contains(t))
        .map(|(_, c)| *c)
        .collect();
    let kind = kind_of(&sport);
    Some(Activity {
        start,
        offset: None,
        kind,
        sport,
        moving_s: whole(timer),
        distance_m: whole(number(s, "total_distance").unwrap_or(0.0)),
        ascent_m: whole(number(s, "total_ascent").unwrap_or(0.0)),
        descent_m: whole(number(s, "total_descent").unwrap_or(0.0)),
        cadence: median(&mut cadences).map(|c| c.round() as u16),
    })
}

fn field<'a>(r: &'a FitDataRecord, name: &str) -> Option<&'a Value> {
    r.fields()
        .iter()
        .find(|f| f.name() == name)
        .map(|f| f.value())
}

fn time(r: &FitDataRecord, name: &str) -> Option<Timestamp> {
    match field(r, name)? {
        Value::Timestamp(t) => Timestamp::from_second(t.timestamp()).ok(),
        _ => None,
    }
}

fn number(r: &FitDataRecord, name: &str) -> Option<f64> {
    let x = match field(r, name)? {
        Value::Byte(n) | Value::UInt8(n) | Value::UInt8z(n) | Value::Enum(n) => f64::from(*n),
        Value::SInt8(n) => f64::from(*n),
        Value::UInt16(n) | Value::UInt16z(n) => f64::from(*n),
        Value::SInt16(n) => f64::from(*n),
        Value::UInt32(n) | Value::UInt32z(n) => f64::from(*n),
        Value::SInt32(n) => f64::from(*n),
        Value::Float32(n) => f64::from(*n),
        Value::Float64(n) => *n,
        Value::UInt64(n) | Value::UInt64z(n) => *n as f64,
        Value::SInt64(n) => *n as f64,
        _ => return None,
    };
    x.is_finite().then_some(x)
}
