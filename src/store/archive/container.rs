//! The one-file backup container: a fixed opening line, the files one after another, then a
//! JSON manifest naming each file with its size and SHA-256, the manifest's length and a
//! closing mark. Our own format rather than zip or tar, because it needs no dependency, is
//! read with nothing but sizes and hashes, and can hold no links, permissions or absolute
//! paths to go wrong. Writing hashes as it copies, so each file is read once; reading checks
//! every hash before a byte is used.

use std::fs::File;
use std::io::{self, BufReader, BufWriter, Read, Seek, SeekFrom, Write};
use std::path::Path;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::store::snapshots::hex;
use crate::{Error, Result};

/// The first bytes of every archive, so a file can be recognised before it is trusted.
pub(crate) const MAGIC: &[u8; 24] = b"Yardstick backup v1\n\0\0\0\0";
/// The last bytes, so a file cut off while copying is recognised as such.
const END: &[u8; 8] = b"YSEND001";
/// No real manifest comes near this; a larger one is not ours.
const MAX_MANIFEST_BYTES: u64 = 64 * 1024 * 1024;

/// What the archive holds, written after the files.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct Manifest {
    pub format: String,
    pub created_at: String,
    /// Why it was made: "manual", "sign-off" or "daily".
    pub reason: String,
    pub entries: Vec<Entry>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Entry {
    /// `database.sqlite3`, `evidence/<sha256>` or `checklists/<file name>`.
    pub path: String,
    pub size: u64,
    pub sha256: String,
}

/// Streams files into an archive, hashing as it goes.
pub(crate) struct Writer {
    out: BufWriter<File>,
    entries: Vec<Entry>,
}

impl Writer {
    pub(crate) fn create(path: &Path) -> io::Result<Self> {
        let mut out = BufWriter::new(File::create(path)?);
        out.write_all(MAGIC)?;
        Ok(Writer {
            out,
            entries: Vec::new(),
        })
    }

    pub(crate) fn add_file(&mut self, path: String, source: &Path) -> io::Result<()> {
        let mut input = File::open(source)?;
        let mut hasher = Sha256::new();
        let mut buffer = vec![0u8; 256 * 1024];
        let mut size = 0u64;
        loop {
            let read = input.read(&mut buffer)?;
            if read == 0 {
                break;
            }
            hasher.update(&buffer[..read]);
            self.out.write_all(&buffer[..read])?;
            size += read as u64;
        }
        let sha256 = hex(&hasher.finalize());
        self.entries.push(Entry { path, size, sha256 });
        Ok(())
    }

    /// Writes the manifest and the closing mark, and flushes everything to disk.
    pub(crate) fn finish(mut self, created_at: String, reason: &str) -> io::Result<Manifest> {
        let manifest = Manifest {
            format: "yardstick-backup".into(),
            created_at,
            reason: reason.into(),
            entries: self.entries,
        };
        let json = serde_json::to_vec(&manifest).map_err(io::Error::other)?;
        self.out.write_all(&json)?;
        self.out.write_all(&(json.len() as u64).to_le_bytes())?;
        self.out.write_all(END)?;
        let file = self.out.into_inner().map_err(|e| e.into_error())?;
        file.sync_all()?;
        Ok(manifest)
    }
}

/// Whether `path` starts like an archive (it may still be damaged).
pub(crate) fn looks_like_archive(path: &Path) -> bool {
    let mut start = [0u8; MAGIC.len()];
    std::fs::metadata(path).is_ok_and(|m| m.is_file())
        && File::open(path)
            .and_then(|mut f| f.read_exact(&mut start))
            .is_ok()
        && &start == MAGIC
}

/// Reads the manifest of the archive at `path`, checking that the sizes it gives account for
/// the whole file. `label` names the file in messages.
pub fn read_manifest(path: &Path) -> Result<Manifest> {
    let damaged = |why: &str| damaged(path, why);
    let mut file = File::open(path)
        .map_err(|e| Error::io(format!("Could not read the backup {}", path.display()), e))?;
    let length = file.metadata().map(|m| m.len()).unwrap_or(0);
    let fixed = (MAGIC.len() + 8 + END.len()) as u64;
    if length < fixed {
        return Err(damaged("it is too short"));
    }
    let mut tail = [0u8; 16];
    file.seek(SeekFrom::End(-16))
        .and_then(|_| file.read_exact(&mut tail))
        .map_err(|_| damaged("its end cannot be read"))?;
    if &tail[8..] != END {
        return Err(damaged(
            "its end is missing, so it was probably cut off while copying",
        ));
    }
    let manifest_len = u64::from_le_bytes(tail[..8].try_into().unwrap_or_default());
    if manifest_len > MAX_MANIFEST_BYTES || manifest_len > length - fixed {
        return Err(damaged("its list of contents is the wrong size"));
    }
    let mut json = vec![0u8; manifest_len as usize];
    file.seek(SeekFrom::Start(length - 16 - manifest_len))
        .and_then(|_| file.read_exact(&mut json))
        .map_err(|_| damaged("its list of contents cannot be read"))?;
    let manifest: Manifest = serde_json::from_slice(&json)
        .map_err(|_| damaged("its list of contents is not readable"))?;
    let sizes = manifest
        .entries
        .iter()
        .try_fold(0u64, |sum, e| sum.checked_add(e.size));
    if manifest.format != "yardstick-backup" || sizes != Some(length - fixed - manifest_len) {
        return Err(damaged("its list of contents does not match the file"));
    }
    Ok(manifest)
}

/// Copies each entry of the archive to `extract(entry)` (or skips it when that is `None`),
/// checking its SHA-256; the first mismatch stops with an error.
pub(crate) fn extract(
    path: &Path,
    manifest: &Manifest,
    mut target: impl FnMut(&Entry) -> Option<std::path::PathBuf>,
) -> Result<()> {
    let mut input = BufReader::new(
        File::open(path)
            .map_err(|e| Error::io(format!("Could not read the backup {}", path.display()), e))?,
    );
    input
        .seek(SeekFrom::Start(MAGIC.len() as u64))
        .map_err(|e| Error::io(format!("Could not read the backup {}", path.display()), e))?;
    for entry in &manifest.entries {
        let destination = target(entry);
        let mut out = match &destination {
            Some(to) => Some(File::create(to).map_err(|e| {
                Error::io(
                    format!("Could not write {} from the backup", to.display()),
                    e,
                )
            })?),
            None => None,
        };
        let mut hasher = Sha256::new();
        let mut left = entry.size;
        let mut buffer = vec![0u8; 256 * 1024];
        while left > 0 {
            let want = left.min(buffer.len() as u64) as usize;
            input
                .read_exact(&mut buffer[..want])
                .map_err(|_| damaged(path, "it ends before its last file"))?;
            hasher.update(&buffer[..want]);
            if let Some(out) = out.as_mut() {
                out.write_all(&buffer[..want]).map_err(|e| {
                    Error::io(
                        format!("Could not write a file from the backup {}", path.display()),
                        e,
                    )
                })?;
            }
            left -= want as u64;
        }
        if hex(&hasher.finalize()) != entry.sha256 {
            return Err(damaged(
                path,
                &format!(
                    "{} does not match its SHA-256",
                    crate::text::quoted(&entry.path)
                ),
            ));
        }
    }
    Ok(())
}

fn damaged(path: &Path, why: &str) -> Error {
    Error::InvalidInput(format!(
        "{} is not a sound Yardstick backup ({why}). Try another copy of the backup. Nothing has been changed.",
        path.display()
    ))
}
