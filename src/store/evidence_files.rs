//! The evidence folder on disk: attached files are copied into `<data dir>/evidence/<sha256>`
//! so moving or deleting the original breaks nothing, and the same file attached twice is
//! kept once. A copy is written under a temporary name, flushed, then renamed into place, so
//! a crash never leaves a half-written file under a real hash.

use std::fs::{self, File};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use super::snapshots::hex;
use super::validate::MAX_ATTACHMENT_BYTES;
use crate::{Error, Result};

/// A file now held in the evidence folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct StoredFile {
    pub sha256: String,
    pub size: u64,
    pub name: String,
    pub media_type: &'static str,
}

/// Copies `source` into `evidence_dir`, refusing files over the attachment limit.
pub(crate) fn store_file(evidence_dir: &Path, source: &Path) -> Result<StoredFile> {
    // The stored name follows the one file-name rule, so it exports and imports again.
    let name = source
        .file_name()
        .map(|n| crate::files::plain_file_name(&n.to_string_lossy()))
        .ok_or_else(|| {
            Error::InvalidInput(format!(
                "{} is not a file. Choose a file to attach.",
                source.display()
            ))
        })?;
    let metadata = fs::metadata(source).map_err(|e| {
        Error::io(
            format!("Could not read the file {} to attach it", source.display()),
            e,
        )
    })?;
    if !metadata.is_file() {
        return Err(Error::InvalidInput(format!(
            "{} is a folder, not a file. Choose a file to attach.",
            source.display()
        )));
    }
    check_size(&name, metadata.len())?;
    fs::create_dir_all(evidence_dir).map_err(|e| {
        Error::io(
            format!(
                "Could not create the evidence folder {}",
                evidence_dir.display()
            ),
            e,
        )
    })?;
    let temporary = evidence_dir.join(format!(
        ".incoming-{}-{}",
        std::process::id(),
        unique_suffix()
    ));
    let copied = copy_hashing(source, &temporary);
    let (sha256, size) = match copied {
        Ok(done) => done,
        Err(error) => {
            let _ = fs::remove_file(&temporary);
            return Err(error);
        }
    };
    let target = evidence_dir.join(&sha256);
    if target.is_file() {
        let _ = fs::remove_file(&temporary);
    } else {
        fs::rename(&temporary, &target).map_err(|e| {
            Error::io(
                format!(
                    "Could not move the attached file into {}",
                    evidence_dir.display()
                ),
                e,
            )
        })?;
        sync_dir(evidence_dir);
    }
    Ok(StoredFile {
        sha256,
        size,
        media_type: media_type(&name),
        name,
    })
}

/// Writes `bytes`, already checked against `sha256` by the caller, into the evidence folder
/// under their hash unless that file is there already. Used by import, whose attachments
/// arrive embedded in the exchange file rather than as files on disk.
pub(crate) fn store_bytes(evidence_dir: &Path, sha256: &str, bytes: &[u8]) -> Result<()> {
    let target = path_of(evidence_dir, sha256).ok_or_else(|| {
        Error::Internal(format!(
            "\"{}\" is not a SHA-256 hash.",
            crate::text::quoted(sha256)
        ))
    })?;
    if target.is_file() {
        return Ok(());
    }
    let io_error = |e: io::Error| {
        Error::io(
            format!(
                "Could not write an imported file into {}",
                evidence_dir.display()
            ),
            e,
        )
    };
    fs::create_dir_all(evidence_dir).map_err(io_error)?;
    let temporary = evidence_dir.join(format!(
        ".incoming-{}-{}",
        std::process::id(),
        unique_suffix()
    ));
    let written = File::create(&temporary)
        .and_then(|mut file| file.write_all(bytes).and_then(|()| file.sync_all()))
        .and_then(|()| fs::rename(&temporary, &target));
    if let Err(error) = written {
        let _ = fs::remove_file(&temporary);
        return Err(io_error(error));
    }
    sync_dir(evidence_dir);
    Ok(())
}

fn check_size(name: &str, size: u64) -> Result<()> {
    if size > MAX_ATTACHMENT_BYTES {
        return Err(Error::InvalidInput(format!(
            "{name} is {:.1} MiB; attachments can be at most 100 MiB each. Attach a smaller file, or link to where the document is kept.",
            size as f64 / (1024.0 * 1024.0)
        )));
    }
    Ok(())
}

/// Copies while hashing, and re-checks the size as it goes because the file may grow after
/// its size was read.
fn copy_hashing(source: &Path, target: &Path) -> Result<(String, u64)> {
    let io_error = |e: io::Error| {
        Error::io(
            format!(
                "Could not copy {} into the evidence folder",
                source.display()
            ),
            e,
        )
    };
    let input = File::open(source).map_err(io_error)?;
    let mut output = File::create(target).map_err(io_error)?;
    let mut limited = input.take(MAX_ATTACHMENT_BYTES + 1);
    let mut hasher = Sha256::new();
    let mut buffer = vec![0u8; 256 * 1024];
    let mut size = 0u64;
    loop {
        let read = limited.read(&mut buffer).map_err(io_error)?;
        if read == 0 {
            break;
        }
        hasher.update(&buffer[..read]);
        output.write_all(&buffer[..read]).map_err(io_error)?;
        size += read as u64;
    }
    check_size(&source.display().to_string(), size)?;
    output.sync_all().map_err(io_error)?;
    Ok((hex(&hasher.finalize()), size))
}

fn unique_suffix() -> u128 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or_default()
}

/// Makes the rename itself durable on systems where a directory can be synced.
fn sync_dir(dir: &Path) {
    if let Ok(handle) = File::open(dir) {
        // Not every platform can sync a directory (Windows cannot); the file data is already
        // synced, so failing here loses at most the rename on a power cut.
        let _ = handle.sync_all();
    }
}

/// Where a stored file lives, if `sha256` is a real hash. The hash comes from the database,
/// which a restored or hand-edited file may have filled with a path such as `/etc/passwd`, so
/// it is checked to be 64 lower-case hex digits before any path is built from it.
pub(crate) fn path_of(evidence_dir: &Path, sha256: &str) -> Option<PathBuf> {
    is_sha256_hex(sha256).then(|| evidence_dir.join(sha256))
}

/// 64 lower-case hexadecimal digits, the only form of hash Yardstick writes.
pub(crate) fn is_sha256_hex(value: &str) -> bool {
    value.len() == 64
        && value
            .bytes()
            .all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

/// The media type from the file name's extension: enough for the UI to pick an icon and for
/// the operating system to pick an application. Unknown types are plain bytes.
pub(crate) fn media_type(name: &str) -> &'static str {
    let extension = Path::new(name)
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    match extension.as_str() {
        "pdf" => "application/pdf",
        "doc" => "application/msword",
        "docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "xls" => "application/vnd.ms-excel",
        "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "ppt" => "application/vnd.ms-powerpoint",
        "pptx" => "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "odt" => "application/vnd.oasis.opendocument.text",
        "ods" => "application/vnd.oasis.opendocument.spreadsheet",
        "csv" => "text/csv",
        "txt" | "md" => "text/plain",
        "html" | "htm" => "text/html",
        "json" => "application/json",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "svg" => "image/svg+xml",
        "webp" => "image/webp",
        "eml" => "message/rfc822",
        "msg" => "application/vnd.ms-outlook",
        "zip" => "application/zip",
        _ => "application/octet-stream",
    }
}
