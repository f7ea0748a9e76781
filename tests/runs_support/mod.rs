//! Watch files written by the tests: GPX and TCX as text, FIT by a small encoder (the FIT
//! protocol's header, definition and data messages, and its CRC), so no third-party file and
//! no licence is involved. Each writer takes what the test wants the file to say.

#![allow(dead_code)]

use jiff::Timestamp;
use jiff::tz::Offset;

/// One activity to write.
#[derive(Debug, Clone)]
pub struct Act {
    /// GPX `type` / TCX `Sport` / FIT sport name: `running`, `cycling`, `walking`...;
    /// `None` writes none.
    pub sport: Option<&'static str>,
    pub start: Timestamp,
    /// The offset written into GPX and TCX times (`None`: UTC with a `Z`).
    pub offset: Option<Offset>,
    /// Seconds on the move.
    pub seconds: u32,
    /// A point every this many seconds.
    pub step_s: u32,
    pub speed_mps: f64,
    /// Strides a minute (one foot) written at every point; `None`: no cadence in the file.
    pub strides: Option<u32>,
    /// Metres climbed over the first half and descended over the second.
    pub climb_m: f64,
    /// A pause (the timer stopped, no points) of this many seconds half way.
    pub pause_s: u32,
}

impl Act {
    /// A flat easy run of `minutes` at 3 m/s, a point every 5 s, 85 strides a minute.
    pub fn run(start: &str, minutes: u32) -> Act {
        Act {
            sport: Some("running"),
            start: start.parse().expect("a timestamp"),
            offset: None,
            seconds: minutes * 60,
            step_s: 5,
            speed_mps: 3.0,
            strides: Some(85),
            climb_m: 0.0,
            pause_s: 0,
        }
    }

    pub fn distance_m(&self) -> f64 {
        f64::from(self.seconds) * self.speed_mps
    }

    /// (seconds since start, metres from start, elevation) for each point, the pause included.
    fn points(&self) -> Vec<(u32, f64, f64)> {
        let n = self.seconds / self.step_s;
        (0..=n)
            .map(|i| {
                let moving = i * self.step_s;
                let pause = if moving > self.seconds / 2 {
                    self.pause_s
                } else {
                    0
                };
                let half = f64::from(self.seconds) / 2.0;
                let m = f64::from(moving);
                let ele = 100.0
                    + if m <= half {
                        self.climb_m * m / half
                    } else {
                        self.climb_m * (1.0 - (m - half) / half)
                    };
                (moving + pause, m * self.speed_mps, ele)
            })
            .collect()
    }

    fn time(&self, after_s: u32) -> String {
        let t = self.start + jiff::SignedDuration::from_secs(i64::from(after_s));
        match self.offset {
            None => t.strftime("%Y-%m-%dT%H:%M:%SZ").to_string(),
            Some(o) => format!("{}{}", o.to_datetime(t).strftime("%Y-%m-%dT%H:%M:%S"), o),
        }
    }
}

/// Metres of latitude per degree, as the app's haversine has it.
const M_PER_DEG: f64 = 111_195.08;

/// A GPX file with one track per activity.
pub fn gpx(acts: &[Act]) -> String {
    let mut s = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<gpx version=\"1.1\" creator=\"test\" \
         xmlns=\"http://www.topografix.com/GPX/1/1\" \
         xmlns:gpxtpx=\"http://www.garmin.com/xmlschemas/TrackPointExtension/v1\">\n",
    );
    for a in acts {
        s.push_str("<trk><name>Morning &amp; run</name>");
        if let Some(sport) = a.sport {
            s.push_str(&format!("<type>{sport}</type>"));
        }
        s.push_str("<trkseg>\n");
        for (t, m, ele) in a.points() {
            s.push_str(&format!(
                "<trkpt lat=\"{:.7}\" lon=\"-1.5\"><ele>{ele:.1}</ele><time>{}</time>",
                51.0 + m / M_PER_DEG,
                a.time(t)
            ));
            if let Some(c) = a.strides {
                s.push_str(&format!(
                    "<extensions><gpxtpx:TrackPointExtension><gpxtpx:cad>{c}</gpxtpx:cad>\
                     </gpxtpx:TrackPointExtension></extensions>"
                ));
            }
            s.push_str("</trkpt>\n");
        }
        s.push_str("</trkseg></trk>\n");
    }
    s.push_str("</gpx>\n");
    s
}

/// A TCX file with one activity each, one lap each (its timer time leaves the pause out).
pub fn tcx(acts: &[Act]) -> String {
    let mut s = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<TrainingCenterDatabase \
         xmlns=\"http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2\" \
         xmlns:ns3=\"http://www.garmin.com/xmlschemas/ActivityExtension/v2\">\n<Activities>\n",
    );
    for a in acts {
        let sport = match a.sport {
            Some("running") => "Running",
            Some("cycling") => "Biking",
            _ => "Other",
        };
        s.push_str(&format!(
            "<Activity Sport=\"{sport}\"><Id>{}</Id><Lap StartTime=\"{}\">\
             <TotalTimeSeconds>{}</TotalTimeSeconds><DistanceMeters>{:.1}</DistanceMeters>\
             <Track>\n",
            a.time(0),
            a.time(0),
            a.seconds,
            a.distance_m()
        ));
        for (t, m, ele) in a.points() {
            s.push_str(&format!(
                "<Trackpoint><Time>{}</Time><Position><LatitudeDegrees>{:.7}</LatitudeDegrees>\
                 <LongitudeDegrees>-1.5</LongitudeDegrees></Position>\
                 <AltitudeMeters>{ele:.1}</AltitudeMeters><DistanceMeters>{m:.1}</DistanceMeters>",
                a.time(t),
                51.0 + m / M_PER_DEG,
            ));
            if let Some(c) = a.strides {
                s.push_str(&format!(
                    "<Extensions><ns3:TPX><ns3:RunCadence>{c}</ns3:RunCadence></ns3:TPX></Extensions>"
                ));
            }
            s.push_str("</Trackpoint>\n");
        }
        s.push_str("</Track></Lap></Activity>\n");
    }
    s.push_str("</Activities>\n</TrainingCenterDatabase>\n");
    s
}

/// Seconds from 1970 to the FIT epoch (1989-12-31T00:00:00Z).
const FIT_EPOCH: i64 = 631_065_600;

fn fit_time(t: Timestamp) -> u32 {
    u32::try_from(t.as_second() - FIT_EPOCH).expect("after 1989")
}

fn fit_sport(name: Option<&str>) -> u8 {
    match name {
        Some("running") => 1,
        Some("cycling") => 2,
        Some("swimming") => 5,
        Some("walking") => 11,
        _ => 0, // generic
    }
}

/// A FIT activity file: a file id, then per activity its records (one per point) and its
/// session with the totals.
pub fn fit(acts: &[Act]) -> Vec<u8> {
    let mut data = Vec::new();
    // Local 0: file_id { type: enum }.
    define(&mut data, 0, 0, &[(0, 1, 0x00)]);
    data.extend([0x00, 4]); // activity
    for a in acts {
        // Local 1: record { timestamp, distance (cm) [, cadence] }.
        let mut fields = vec![(253, 4, 0x86), (5, 4, 0x86)];
        if a.strides.is_some() {
            fields.push((4, 1, 0x02));
        }
        define(&mut data, 1, 20, &fields);
        for (t, m, _) in a.points() {
            data.push(0x01);
            let at = a.start + jiff::SignedDuration::from_secs(i64::from(t));
            data.extend(fit_time(at).to_le_bytes());
            data.extend(((m * 100.0) as u32).to_le_bytes());
            if let Some(c) = a.strides {
                data.push(u8::try_from(c).expect("strides fit a byte"));
            }
        }
        // Local 2: session.
        define(
            &mut data,
            2,
            18,
            &[
                (253, 4, 0x86), // timestamp
                (2, 4, 0x86),   // start_time
                (5, 1, 0x00),   // sport
                (7, 4, 0x86),   // total_elapsed_time (ms)
                (8, 4, 0x86),   // total_timer_time (ms)
                (9, 4, 0x86),   // total_distance (cm)
                (22, 2, 0x84),  // total_ascent (m)
                (23, 2, 0x84),  // total_descent (m)
            ],
        );
        let elapsed = a.seconds + a.pause_s;
        data.push(0x02);
        let end = a.start + jiff::SignedDuration::from_secs(i64::from(elapsed));
        data.extend(fit_time(end).to_le_bytes());
        data.extend(fit_time(a.start).to_le_bytes());
        data.push(fit_sport(a.sport));
        data.extend((elapsed * 1000).to_le_bytes());
        data.extend((a.seconds * 1000).to_le_bytes());
        data.extend(((a.distance_m() * 100.0) as u32).to_le_bytes());
        data.extend((a.climb_m.round() as u16).to_le_bytes());
        data.extend((a.climb_m.round() as u16).to_le_bytes());
    }
    let mut file = Vec::with_capacity(data.len() + 16);
    file.push(14);
    file.push(0x20); // protocol 2.0
    file.extend(2132u16.to_le_bytes()); // profile version
    file.extend(u32::try_from(data.len()).expect("small").to_le_bytes());
    file.extend(b".FIT");
    let header_crc = crc(&file);
    file.extend(header_crc.to_le_bytes());
    file.extend(&data);
    let all = crc(&file);
    file.extend(all.to_le_bytes());
    file
}

/// A definition message: local type, global message number, fields (number, size, base type).
fn define(data: &mut Vec<u8>, local: u8, global: u16, fields: &[(u8, u8, u8)]) {
    data.push(0x40 | local);
    data.push(0); // reserved
    data.push(0); // little-endian
    data.extend(global.to_le_bytes());
    data.push(u8::try_from(fields.len()).expect("few fields"));
    for (number, size, base) in fields {
        data.extend([*number, *size, *base]);
    }
}

/// The FIT CRC-16.
fn crc(bytes: &[u8]) -> u16 {
    const TABLE: [u16; 16] = [
        0x0000, 0xCC01, 0xD801, 0x1400, 0xF001, 0x3C00, 0x2800, 0xE401, 0xA001, 0x6C00, 0x7800,
        0xB401, 0x5000, 0x9C01, 0x8801, 0x4400,
    ];
    let mut crc = 0u16;
    for &b in bytes {
        let tmp = TABLE[usize::from(crc & 0xF)];
        crc = (crc >> 4) & 0x0FFF;
        crc = crc ^ tmp ^ TABLE[usize::from(b & 0xF)];
        let tmp = TABLE[usize::from(crc & 0xF)];
        crc = (crc >> 4) & 0x0FFF;
        crc = crc ^ tmp ^ TABLE[usize::from((b >> 4) & 0xF)];
    }
    crc
}
