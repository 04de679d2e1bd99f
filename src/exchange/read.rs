//! Reading an import file into an [`ExchangeDocument`]: refuse an oversized file before
//! reading it, check the format name and version before the shape (so a newer file gets
//! "made by a newer Yardstick" rather than a confusing field error), then parse with the JSON
//! path of any error, e.g. `answers[3].level`, and its line and column.

use std::fs::File;
use std::io::Read;
use std::path::Path;

use serde::Deserialize;

use super::format::{ExchangeDocument, FORMAT_NAME, FORMAT_VERSION};
use super::MAX_IMPORT_BYTES;
use crate::{Error, Result};

/// The whole file, unless it is over [`MAX_IMPORT_BYTES`] (checked from its size on disk
/// first, and again while reading in case it grows).
pub(super) fn read_file(path: &Path, label: &str) -> Result<Vec<u8>> {
    let io = |e| Error::io(format!("Could not read the import file {label}"), e);
    let metadata = std::fs::metadata(path).map_err(io)?;
    if !metadata.is_file() {
        let what = if metadata.is_dir() {
            "a folder"
        } else {
            "a special file (such as a pipe or a device)"
        };
        return Err(Error::InvalidInput(format!(
            "{label} is {what}, not a file. Choose a Yardstick JSON export to import."
        )));
    }
    refuse_size(label, metadata.len())?;
    let mut bytes = Vec::with_capacity(metadata.len() as usize);
    File::open(path)
        .and_then(|file| file.take(MAX_IMPORT_BYTES + 1).read_to_end(&mut bytes))
        .map_err(io)?;
    refuse_size(label, bytes.len() as u64)?;
    Ok(bytes)
}

pub(super) fn refuse_size(label: &str, size: u64) -> Result<()> {
    if size > MAX_IMPORT_BYTES {
        return Err(Error::InvalidInput(format!(
            "{label} is {} MiB; an import file can be at most {} MiB. Check that this is a Yardstick export; if it carries large attachments, export it again without files.",
            size / (1024 * 1024),
            MAX_IMPORT_BYTES / (1024 * 1024)
        )));
    }
    Ok(())
}

/// Just enough of a document to tell what it claims to be. Other fields are skipped unread.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Header {
    format: Option<serde_json::Value>,
    format_version: Option<serde_json::Value>,
}

/// Parses `bytes` as a version-1 document, or says where and why it is not one.
pub(super) fn parse(label: &str, bytes: &[u8]) -> Result<ExchangeDocument> {
    // Windows editors save UTF-8 with a byte-order mark; JSON parsers refuse it, people should not.
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    check_header(label, bytes)?;
    let mut deserializer = serde_json::Deserializer::from_slice(bytes);
    let document: ExchangeDocument =
        serde_path_to_error::deserialize(&mut deserializer).map_err(|e| {
            let path = e.path().to_string();
            located(label, &path, e.into_inner())
        })?;
    deserializer.end().map_err(|e| located(label, "", e))?;
    Ok(document)
}

fn check_header(label: &str, bytes: &[u8]) -> Result<()> {
    let header: Header = serde_json::from_slice(bytes).map_err(|e| located(label, "", e))?;
    match header.format.as_ref().and_then(|f| f.as_str()) {
        Some(FORMAT_NAME) => {}
        Some(other) => return Err(invalid(label, "format", &format!(
            "the file says it is a \"{other}\" file, not a \"{FORMAT_NAME}\" export. Choose a file exported from Yardstick."
        ))),
        None => return Err(invalid(label, "format", &format!(
            "there is no \"format\": \"{FORMAT_NAME}\", so this is not a Yardstick assessment export. Choose a file exported from Yardstick."
        ))),
    }
    let version = header.format_version.as_ref().and_then(|v| v.as_u64());
    match version {
        Some(v) if v == u64::from(FORMAT_VERSION) => Ok(()),
        Some(v) if v > u64::from(FORMAT_VERSION) => Err(invalid(label, "formatVersion", &format!(
            "the file is in format version {v}, which is newer than this Yardstick understands (version {FORMAT_VERSION}). Install a newer Yardstick to import it, or ask the sender to export it from a version that writes format {FORMAT_VERSION}."
        ))),
        _ => Err(invalid(label, "formatVersion", &format!(
            "\"formatVersion\" must be the whole number {FORMAT_VERSION}; found {}.",
            header.format_version.map_or("nothing".to_string(), |v| v.to_string())
        ))),
    }
}

/// An error in the file at JSON `path` (empty for the document as a whole).
pub(super) fn invalid(label: &str, path: &str, what: &str) -> Error {
    let place = if path.is_empty() {
        String::new()
    } else {
        format!(", at {path}")
    };
    Error::InvalidInput(format!(
        "{label} cannot be imported{place}: {what} Nothing was changed."
    ))
}

/// A serde_json error with its line and column, worded for the user.
fn located(label: &str, path: &str, error: serde_json::Error) -> Error {
    use serde_json::error::Category;
    let (line, column) = (error.line(), error.column());
    let mut message = error.to_string();
    // serde_json appends " at line L column C"; the place is given once, our way.
    if let Some(cut) = message.rfind(" at line ") {
        message.truncate(cut);
    }
    // Rust's type names mean nothing to the person reading the message.
    for (rust, words) in [
        ("u8", "a whole number from 0 to 255"),
        ("u32", "a whole number"),
        ("u64", "a whole number"),
        ("i64", "a whole number"),
    ] {
        message = message.replace(&format!("expected {rust}"), &format!("expected {words}"));
    }
    let advice = match error.classify() {
        Category::Eof => {
            "The file ends too soon: it may have been cut off while copying. Export it again."
        }
        Category::Syntax if message.contains("recursion limit") => {
            "The file is nested far deeper than any Yardstick export; it is not one."
        }
        Category::Syntax => {
            "The file is not valid JSON. Export it again rather than editing it by hand."
        }
        Category::Data => "Check this value against docs/exchange-format.md.",
        Category::Io => "The file could not be read.",
    };
    let path = if path.is_empty() || path == "." {
        String::new()
    } else {
        format!("at {path}, ")
    };
    Error::InvalidInput(format!(
        "{label} cannot be imported: {path}line {line}, column {column}: {message}. {advice} Nothing was changed."
    ))
}
