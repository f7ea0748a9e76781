//! A small walk over an XML file for the GPX and TCX readers: each element's start (with its
//! attributes), text and end, by local name (namespace prefixes dropped), with the path of open
//! elements. A file cut short (elements still open at its end) is an error, as is bad XML; both
//! say the line and column.

use quick_xml::Reader;
use quick_xml::events::Event;

use super::Broken;

/// One step of the walk.
pub(super) enum Step<'a> {
    /// An element opened, with its attributes (local name, value).
    Open(&'a str, Vec<(String, String)>),
    /// Text inside the innermost open element.
    Text(&'a str),
    /// An element closed (an empty element opens and closes at once).
    Close(&'a str),
}

/// Walks `bytes`, calling `visit` with each step and the names of the open elements (outermost
/// first, the current one last). `visit` may refuse with a message; the walk then stops there.
pub(super) fn walk(
    bytes: &[u8],
    mut visit: impl FnMut(&[String], Step<'_>) -> Result<(), String>,
) -> Result<(), Broken> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let at = e.valid_up_to();
        broken_at(bytes, at, "not UTF-8 text".to_string())
    })?;
    let mut reader = Reader::from_str(text);
    reader.config_mut().trim_text(true);
    let mut path: Vec<String> = Vec::new();
    loop {
        let event = reader.read_event().map_err(|e| {
            let at = usize::try_from(reader.error_position()).unwrap_or(text.len());
            let cut = if text
                .get(at..)
                .is_some_and(|rest| !rest.trim_end().contains('\n'))
            {
                "; the file looks cut short"
            } else {
                ""
            };
            broken_at(bytes, at, format!("not well-formed XML ({e}){cut}"))
        })?;
        let here = usize::try_from(reader.buffer_position()).unwrap_or(text.len());
        let fail = |message: String| broken_at(bytes, here, message);
        let kind = match &event {
            Event::Empty(_) => Kind::Empty,
            _ => Kind::Other,
        };
        match event {
            Event::Start(e) | Event::Empty(e) => {
                let empty = matches!(kind, Kind::Empty);
                let name = local(e.local_name().as_ref());
                let attrs = e
                    .attributes()
                    .filter_map(Result::ok)
                    .map(|a| {
                        let key = local(a.key.local_name().as_ref());
                        let value = a
                            .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                            .map(|v| v.into_owned());
                        (key, value.unwrap_or_default())
                    })
                    .collect();
                path.push(name.clone());
                visit(&path, Step::Open(&name, attrs)).map_err(fail)?;
                if empty {
                    visit(&path, Step::Close(&name)).map_err(fail)?;
                    path.pop();
                }
            }
            Event::Text(t) => {
                let content = t.xml10_content();
                visit(&path, Step::Text(&content)).map_err(fail)?;
            }
            Event::CData(t) => {
                let content = t.xml10_content();
                visit(&path, Step::Text(&content)).map_err(fail)?;
            }
            Event::End(e) => {
                let name = local(e.local_name().as_ref());
                visit(&path, Step::Close(&name)).map_err(fail)?;
                path.pop();
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if let Some(open) = path.last() {
        return Err(broken_at(
            bytes,
            text.len(),
            format!("the file ends inside <{open}>: cut short"),
        ));
    }
    Ok(())
}

enum Kind {
    Empty,
    Other,
}

/// A name without its namespace prefix, as text.
fn local(name: &str) -> String {
    name.to_string()
}

/// An error at byte `at` of the file, said as its line and column.
pub(super) fn broken_at(bytes: &[u8], at: usize, message: String) -> Broken {
    let text = String::from_utf8_lossy(&bytes[..at.min(bytes.len())]);
    let (line, column) = crate::text::line_column(&text, text.len());
    Broken {
        at: format!("line {line}, column {column}"),
        message,
    }
}
