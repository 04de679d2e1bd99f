//! Checking one attachment of an import file: its name must be a plain file name (never a
//! path that could point outside the evidence folder once saved), its size within the limit,
//! its hash a real SHA-256, and embedded bytes must match both size and hash. Used for the
//! exchange format and for files in a returned contribution.

use base64::Engine;

use super::format::FileDoc;
use crate::problems::Problems;
use crate::store::snapshots::sha256_hex;
use crate::store::validate::MAX_ATTACHMENT_BYTES;

/// Checks `file` (at JSON path `path`); returns its embedded bytes, decoded and verified,
/// with their hash.
pub(crate) fn check(
    problems: &mut Problems,
    path: &str,
    file: &mut FileDoc,
) -> Option<(String, Vec<u8>)> {
    file.name = file.name.trim().to_string();
    if let Some(why) = crate::files::unsafe_file_name(&file.name) {
        problems.add(format_args!("{path}.name"), format!(
            "\"{}\" is not a plain file name: {why}. An attachment name must not contain folders; rename it, e.g. to \"{}\".",
            crate::text::quoted(&file.name),
            crate::files::plain_file_name(&file.name)
        ));
    }
    if file.size > MAX_ATTACHMENT_BYTES {
        problems.add(
            format_args!("{path}.size"),
            format!(
                "{} bytes is more than the 100 MiB an attachment may be.",
                file.size
            ),
        );
    }
    let media_ok = file.media_type.len() <= 255
        && file
            .media_type
            .split_once('/')
            .is_some_and(|(a, b)| !a.is_empty() && !b.is_empty())
        && file.media_type.bytes().all(|b| b.is_ascii_graphic());
    if !media_ok {
        problems.add(
            format_args!("{path}.mediaType"),
            format!(
                "\"{}\" is not a media type such as application/pdf.",
                crate::text::quoted(&file.media_type)
            ),
        );
    }
    let hash_ok = file.sha256.len() == 64
        && file
            .sha256
            .bytes()
            .all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'));
    if !hash_ok {
        problems.add(
            format_args!("{path}.sha256"),
            "must be 64 lower-case hexadecimal digits (a SHA-256).",
        );
        return None;
    }
    let content = file.content.as_deref()?;
    let bytes = match base64::engine::general_purpose::STANDARD.decode(content) {
        Ok(bytes) => bytes,
        Err(e) => {
            problems.add(
                format_args!("{path}.content"),
                format!("is not valid base64 ({e}). The file was damaged or edited; ask for a fresh copy."),
            );
            return None;
        }
    };
    if bytes.len() as u64 != file.size {
        problems.add(format_args!("{path}.content"), format!(
            "holds {} bytes but \"size\" says {}. The file was damaged or edited; ask for a fresh copy.", bytes.len(), file.size
        ));
        return None;
    }
    let actual = sha256_hex(&bytes);
    if actual != file.sha256 {
        problems.add(format_args!("{path}.content"), format!(
            "does not match its SHA-256 (the file says {}, the content gives {actual}). The file was damaged or edited; ask for a fresh copy.", file.sha256
        ));
        return None;
    }
    Some((actual, bytes))
}
