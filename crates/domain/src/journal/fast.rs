//! A fast path for the compact lines this program writes, so ten years of records load in
//! milliseconds. It accepts only the exact shapes `format_record` produces (no spaces, no
//! escapes, no comments) and otherwise answers `None`, leaving the line to the full RON parser,
//! which also gives the error positions. A property test holds it to the same answers as RON.

use std::collections::BTreeMap;

use jiff::civil::Date;

use super::record::{ActivityKind, ActivityLog, PainReport, Record, SkipReason};

/// The record on a compact line, or `None` to ask the RON parser.
pub fn parse_compact(line: &str) -> Option<Record> {
    let open = byte_at(line, |b| b == b'(')?;
    let (variant, rest) = (&line[..open], &line[open + 1..]);
    let body = rest.strip_suffix(')')?;
    let mut fields = Fields { rest: body };
    let record = match variant {
        "Done" => {
            let date = fields.date("date")?;
            let item = fields.string("item")?;
            let sets = if fields.rest.is_empty() {
                None
            } else {
                Some(fields.some_number("sets")?)
            };
            Record::Done { date, item, sets }
        }
        "Undone" => Record::Undone {
            date: fields.date("date")?,
            item: fields.string("item")?,
        },
        "Skipped" => Record::Skipped {
            date: fields.date("date")?,
            item: fields.string("item")?,
            reason: match fields.value("reason")? {
                "Pain" => SkipReason::Pain,
                "Time" => SkipReason::Time,
                "Equipment" => SkipReason::Equipment,
                "Other" => SkipReason::Other,
                _ => return None,
            },
        },
        "Pain" => {
            let date = fields.date("date")?;
            let item = if fields.rest.starts_with("item:") {
                Some(fields.some_string("item")?)
            } else {
                None
            };
            let report = parse_report(fields.nested("report")?)?;
            Record::Pain { date, item, report }
        }
        "Note" => Record::Note {
            date: fields.date("date")?,
            text: fields.string("text")?,
        },
        // With a clinician's name the line goes to the RON parser (rare, and names need escapes).
        "Assessed" => Record::Assessed {
            date: fields.date("date")?,
            by: None,
        },
        // The red-flag answers, every few days: the full parser costs many times the others.
        "Screened" => Record::Screened {
            date: fields.date("date")?,
            answers: fields.answers("answers")?,
        },
        "Criteria" => Record::Criteria {
            date: fields.date("date")?,
            id: fields.string("id")?,
            met: match fields.value("met")? {
                "true" => true,
                "false" => false,
                _ => return None,
            },
        },
        "Activity" => {
            let inner = fields.rest.strip_prefix('(')?.strip_suffix(')')?;
            fields.rest = "";
            Record::Activity(parse_activity(inner)?)
        }
        _ => return None,
    };
    fields.rest.is_empty().then_some(record)
}

fn parse_activity(body: &str) -> Option<ActivityLog> {
    let mut f = Fields { rest: body };
    let date = f.date("date")?;
    let start = f.string("start")?.parse().ok()?;
    let kind = match f.value("kind")? {
        "Run" => ActivityKind::Run,
        "Cycle" => ActivityKind::Cycle,
        "Swim" => ActivityKind::Swim,
        "Walk" => ActivityKind::Walk,
        _ => return None,
    };
    let activity = ActivityLog {
        date,
        start,
        kind,
        moving_s: f.number("moving_s")?,
        distance_m: f.number("distance_m")?,
        ascent_m: f.number("ascent_m")?,
        descent_m: f.number("descent_m")?,
        cadence: if f.rest.is_empty() {
            None
        } else {
            Some(f.some_number("cadence")?)
        },
    };
    f.rest.is_empty().then_some(activity)
}

fn parse_report(body: &str) -> Option<PainReport> {
    let mut fields = Fields { rest: body };
    let mut report = PainReport::default();
    if fields.rest.starts_with("during:") {
        report.during = Some(fields.some_number("during")?);
    }
    if fields.rest.starts_with("morning:") {
        report.morning = Some(fields.some_number("morning")?);
    }
    if fields.rest.starts_with("swelling:") {
        report.swelling = Some(fields.some_bool("swelling")?);
    }
    if fields.rest.starts_with("limp:") {
        report.limp = Some(fields.some_bool("limp")?);
    }
    if fields.rest.starts_with("sharp:") {
        report.sharp = Some(fields.some_bool("sharp")?);
    }
    fields.rest.is_empty().then_some(report)
}

/// The comma-separated `name:value` fields of a record, taken in order.
struct Fields<'a> {
    rest: &'a str,
}

impl<'a> Fields<'a> {
    /// The raw value of the next field, which must be `name`.
    fn value(&mut self, name: &str) -> Option<&'a str> {
        let after = self.rest.strip_prefix(name)?.strip_prefix(':')?;
        let end = match after.as_bytes().first()? {
            b'"' => byte_at(&after[1..], |b| b == b'"')? + 2,
            b'(' => matching_paren(after)? + 1,
            _ => {
                let stop = byte_at(after, |b| matches!(b, b',' | b'(' | b')' | b'"'))
                    .unwrap_or(after.len());
                if after[stop..].starts_with('(') {
                    stop + matching_paren(&after[stop..])? + 1
                } else {
                    stop
                }
            }
        };
        let (value, rest) = after.split_at(end);
        self.rest = match rest.strip_prefix(',') {
            Some(r) if !r.is_empty() => r,
            Some(_) => return None, // a trailing comma: leave it to RON
            None if rest.is_empty() => rest,
            None => return None,
        };
        Some(value)
    }

    fn string(&mut self, name: &str) -> Option<String> {
        let quoted = self.value(name)?;
        let inner = quoted.strip_prefix('"')?.strip_suffix('"')?;
        (!inner.as_bytes().contains(&b'\\')).then(|| inner.to_string())
    }

    fn some_string(&mut self, name: &str) -> Option<String> {
        let inner = self
            .value(name)?
            .strip_prefix("Some(\"")?
            .strip_suffix("\")")?;
        let plain = !inner.bytes().any(|b| b == b'\\' || b == b'"');
        plain.then(|| inner.to_string())
    }

    fn date(&mut self, name: &str) -> Option<Date> {
        let quoted = self.value(name)?;
        let b = quoted.strip_prefix('"')?.strip_suffix('"')?.as_bytes();
        // Only the plain YYYY-MM-DD form; anything else goes to RON and jiff's full parser.
        // Read the digits directly: a year of journal is thousands of dates at every start.
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let number = |range: std::ops::Range<usize>| {
            b[range].iter().try_fold(0i16, |n, c| {
                c.is_ascii_digit().then(|| n * 10 + i16::from(c - b'0'))
            })
        };
        let (year, month, day) = (number(0..4)?, number(5..7)?, number(8..10)?);
        // Date::new refuses 2026-02-30; such a line then gets RON's precise error.
        Date::new(year, i8::try_from(month).ok()?, i8::try_from(day).ok()?).ok()
    }

    fn nested(&mut self, name: &str) -> Option<&'a str> {
        self.value(name)?.strip_prefix('(')?.strip_suffix(')')
    }

    fn some_number<N: std::str::FromStr>(&mut self, name: &str) -> Option<N> {
        let digits = self.value(name)?.strip_prefix("Some(")?.strip_suffix(')')?;
        let plain = !digits.is_empty()
            && digits.bytes().all(|c| c.is_ascii_digit())
            && (digits == "0" || !digits.starts_with('0'));
        if !plain {
            return None;
        }
        digits.parse().ok()
    }

    /// The last field, a map of plain quoted ids to `true` or `false`, each id once.
    fn answers(&mut self, name: &str) -> Option<BTreeMap<String, bool>> {
        let body = self
            .rest
            .strip_prefix(name)?
            .strip_prefix(":{")?
            .strip_suffix('}')?;
        let mut answers = BTreeMap::new();
        for entry in body.split(',').filter(|_| !body.is_empty()) {
            let (key, value) = entry.split_once(':')?;
            let key = key.strip_prefix('"')?.strip_suffix('"')?;
            if key.bytes().any(|b| b == b'"' || b == b'\\') {
                return None;
            }
            let value = match value {
                "true" => true,
                "false" => false,
                _ => return None,
            };
            // An id twice: RON says which answer stands.
            if answers.insert(key.to_string(), value).is_some() {
                return None;
            }
        }
        self.rest = "";
        Some(answers)
    }

    fn number<N: std::str::FromStr>(&mut self, name: &str) -> Option<N> {
        let digits = self.value(name)?;
        let plain = !digits.is_empty()
            && digits.bytes().all(|c| c.is_ascii_digit())
            && (digits == "0" || !digits.starts_with('0'));
        if !plain {
            return None;
        }
        digits.parse().ok()
    }

    fn some_bool(&mut self, name: &str) -> Option<bool> {
        match self.value(name)? {
            "Some(true)" => Some(true),
            "Some(false)" => Some(false),
            _ => None,
        }
    }
}

/// The index of the first byte that `wanted` accepts. Byte loops, because these fields are a
/// few bytes long and `str::find` with a char pattern costs more to set up than to run here.
fn byte_at(text: &str, wanted: impl Fn(u8) -> bool) -> Option<usize> {
    text.bytes().position(wanted)
}

/// The index of the `)` closing the `(` at the start of `text`, outside strings.
fn matching_paren(text: &str) -> Option<usize> {
    let mut depth = 0usize;
    let mut in_string = false;
    for (i, c) in text.bytes().enumerate() {
        match c {
            b'"' => in_string = !in_string,
            b'\\' if in_string => return None,
            b'(' if !in_string => depth += 1,
            b')' if !in_string => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anything_unusual_goes_to_ron() {
        for line in [
            "Done(date: \"2026-11-02\",item:\"a\")",
            "Done(date:\"2026-11-02\",item:\"a\",)",
            "Done(item:\"a\",date:\"2026-11-02\")",
            "Done(date:\"2026-11-02\",item:\"a\\\"b\")",
            "Done(date:\"2026-11-02\",item:\"a\",sets:Some(02))",
            "Done(date:\"2026-11-02\",item:\"a\",sets:Some(1),sets:Some(2))",
            "Done(date:\"2026-11-02\",item:\"a\")x",
            "Pain(date:\"2026-11-02\",report:(during:Some(300)))",
            "Done(date:\"20261-1-02\",item:\"a\")",
            "Screened(date:\"2026-11-02\",answers:{\"a\":false,\"a\":true})",
            "Screened(date:\"2026-11-02\",answers:{\"a\":false,})",
            "Screened(date:\"2026-11-02\",answers:{\"a\": false})",
            "Screened(date:\"2026-11-02\",answers:{\"a\\\"b\":false})",
        ] {
            assert_eq!(parse_compact(line), None, "{line}");
        }
    }

    #[test]
    fn the_written_shapes_are_read() {
        let line =
            "Pain(date:\"2026-11-02\",item:Some(\"run\"),report:(during:Some(3),sharp:Some(true)))";
        let Some(Record::Pain { item, report, .. }) = parse_compact(line) else {
            panic!("not read");
        };
        assert_eq!(item.as_deref(), Some("run"));
        assert_eq!((report.during, report.sharp), (Some(3), Some(true)));
    }
}
