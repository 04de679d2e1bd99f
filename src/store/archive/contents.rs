//! What goes into an archive and where it comes back to: the checked database copy, every
//! evidence file (named by its hash) and every user checklist (named by the one file-name
//! rule). Also the automatic backups the app makes, and clearing evidence files that nothing
//! refers to once a backup holds them.

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use rusqlite::Connection;

use super::container::{self, Manifest};
use super::{write_archive, BACKUP_DIR, DATABASE_ENTRY, EXTENSION};
use crate::checklist::USER_CHECKLIST_DIR;
use crate::files::unsafe_file_name;
use crate::store::evidence_files::is_sha256_hex;
use crate::{Error, Result};

/// Writes the archive to `partial`: the database copy, then evidence files, then checklists.
pub(super) fn write(
    partial: &Path,
    database: &Path,
    data_dir: &Path,
    reason: &str,
) -> Result<Manifest> {
    let failed = |e: std::io::Error| {
        Error::io(
            format!("Could not write the backup {}", partial.display()),
            e,
        )
    };
    let mut writer = container::Writer::create(partial).map_err(failed)?;
    writer
        .add_file(DATABASE_ENTRY.into(), database)
        .map_err(failed)?;
    for name in regular_files(&data_dir.join("evidence"), is_sha256_hex) {
        let path = data_dir.join("evidence").join(&name);
        writer
            .add_file(format!("evidence/{name}"), &path)
            .map_err(failed)?;
    }
    for name in regular_files(&data_dir.join(USER_CHECKLIST_DIR), is_checklist_name) {
        let path = data_dir.join(USER_CHECKLIST_DIR).join(&name);
        writer
            .add_file(format!("{USER_CHECKLIST_DIR}/{name}"), &path)
            .map_err(failed)?;
    }
    writer.finish(crate::store::now(), reason).map_err(failed)
}

fn is_checklist_name(name: &str) -> bool {
    unsafe_file_name(name).is_none() && name.to_ascii_lowercase().ends_with(".toml")
}

/// The names of the regular files directly in `dir` that `keep` accepts, sorted. Links,
/// folders and special files are skipped: they are not ours, and opening a FIFO hangs.
fn regular_files(dir: &Path, keep: impl Fn(&str) -> bool) -> Vec<String> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut names: Vec<String> = entries
        .filter_map(|entry| entry.ok())
        .filter(|entry| entry.file_type().is_ok_and(|t| t.is_file()))
        .filter_map(|entry| entry.file_name().into_string().ok())
        .filter(|name| keep(name))
        .collect();
    names.sort();
    names
}

/// Every entry must be one Yardstick writes: the database once, evidence named by a real
/// hash that matches its content, checklists with plain `.toml` names.
pub(super) fn check_entries(source: &Path, manifest: &Manifest) -> Result<()> {
    let mut seen = HashSet::new();
    let mut databases = 0;
    for entry in &manifest.entries {
        let fine = match entry.path.split_once('/') {
            None => entry.path == DATABASE_ENTRY,
            Some(("evidence", name)) => is_sha256_hex(name) && name == entry.sha256,
            Some((folder, name)) => folder == USER_CHECKLIST_DIR && is_checklist_name(name),
        };
        databases += usize::from(entry.path == DATABASE_ENTRY);
        if !fine || !seen.insert(entry.path.as_str()) {
            return Err(Error::InvalidInput(format!(
                "{} holds \"{}\", which is not a file Yardstick backs up. Choose a backup made by Yardstick. Nothing has been changed.",
                source.display(),
                crate::text::quoted(&entry.path)
            )));
        }
    }
    if databases != 1 {
        return Err(Error::InvalidInput(format!(
            "{} holds no database. Choose a backup made by Yardstick. Nothing has been changed.",
            source.display()
        )));
    }
    Ok(())
}

/// Adds the restored evidence files that are not already in the evidence folder. Nothing
/// there is removed or replaced: a file named by its hash can only hold that content.
pub(super) fn add_evidence(from: &Path, data_dir: &Path) -> Result<()> {
    let to = data_dir.join("evidence");
    for name in regular_files(from, is_sha256_hex) {
        if to.join(&name).exists() {
            continue;
        }
        fs::create_dir_all(&to)
            .and_then(|()| fs::rename(from.join(&name), to.join(&name)))
            .map_err(|e| {
                Error::io(
                    format!("Could not restore evidence into {}", to.display()),
                    e,
                )
            })?;
    }
    Ok(())
}

/// Puts the restored checklists in place. A different file under the same name is moved
/// into `checklists/replaced-<time>/` rather than overwritten, so no checklist is lost.
pub(super) fn put_checklists(from: &Path, data_dir: &Path) -> Result<()> {
    let to = data_dir.join(USER_CHECKLIST_DIR);
    let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%SZ").to_string();
    let io = |e| {
        Error::io(
            format!("Could not restore checklists into {}", to.display()),
            e,
        )
    };
    for name in regular_files(from, is_checklist_name) {
        let (restored, current) = (from.join(&name), to.join(&name));
        if fs::read(&current).ok() == fs::read(&restored).ok() {
            continue;
        }
        fs::create_dir_all(&to).map_err(io)?;
        if fs::symlink_metadata(&current).is_ok() {
            let aside = to.join(format!("replaced-{stamp}"));
            fs::create_dir_all(&aside)
                .and_then(|()| fs::rename(&current, aside.join(&name)))
                .map_err(io)?;
        }
        fs::rename(&restored, &current).map_err(io)?;
    }
    Ok(())
}

/// When the app makes a backup by itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AutomaticBackup {
    /// An assessment was signed off: always back up.
    SignOff,
    /// The app started: back up unless an automatic backup is less than a day old.
    Daily,
}

/// Makes an automatic backup in `<data dir>/backups/` when one is due, keeps the newest
/// `keep` (at least one), then clears evidence files that only a backup still needs. Returns
/// the new backup, or `None` when none was due.
pub fn automatic_backup(
    conn: &Connection,
    when: AutomaticBackup,
    keep: usize,
) -> Result<Option<PathBuf>> {
    let live = super::live_path(conn)?;
    let dir = crate::paths::data_dir_for(&live).join(BACKUP_DIR);
    let existing = automatic_backups(&dir);
    let day = Duration::from_secs(24 * 60 * 60);
    let recent = existing.last().and_then(|newest| {
        let modified = fs::metadata(newest).and_then(|m| m.modified()).ok()?;
        SystemTime::now().duration_since(modified).ok()
    });
    if when == AutomaticBackup::Daily && recent.is_some_and(|age| age < day) {
        return Ok(None);
    }
    // A database with no assessment yet has nothing worth a daily copy, and a first start
    // should not spend its first second writing one.
    let empty: bool =
        conn.query_row("SELECT NOT EXISTS (SELECT 1 FROM assessment)", [], |row| {
            row.get(0)
        })?;
    if when == AutomaticBackup::Daily && empty {
        return Ok(None);
    }
    fs::create_dir_all(&dir)
        .map_err(|e| Error::io(format!("Could not create {}", dir.display()), e))?;
    let reason = match when {
        AutomaticBackup::SignOff => "sign-off",
        AutomaticBackup::Daily => "daily",
    };
    let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%S%.3fZ");
    let path = dir.join(format!("yardstick-{stamp}-{reason}.{EXTENSION}"));
    write_archive(conn, &path, reason)?;
    let all = automatic_backups(&dir);
    for old in all.iter().take(all.len().saturating_sub(keep.max(1))) {
        let _ = fs::remove_file(old);
    }
    clear_unused_evidence(conn)?;
    Ok(Some(path))
}

/// The automatic backups in `dir`, oldest first (their names start with the time).
fn automatic_backups(dir: &Path) -> Vec<PathBuf> {
    let suffix = format!(".{EXTENSION}");
    regular_files(dir, |n| n.starts_with("yardstick-") && n.ends_with(&suffix))
        .into_iter()
        .map(|name| dir.join(name))
        .collect()
}

/// Removes evidence files that no evidence row refers to and that an automatic backup holds,
/// and returns how many. Files changed in the last hour are left, because a file is stored
/// a moment before the row that refers to it is committed.
pub fn clear_unused_evidence(conn: &Connection) -> Result<usize> {
    let Some(evidence) = crate::store::evidence_dir(conn) else {
        return Ok(0);
    };
    let live = super::live_path(conn)?;
    let mut held = HashSet::new();
    for archive in automatic_backups(&crate::paths::data_dir_for(&live).join(BACKUP_DIR)) {
        if let Ok(manifest) = container::read_manifest(&archive) {
            held.extend(
                manifest
                    .entries
                    .into_iter()
                    .filter_map(|e| e.path.strip_prefix("evidence/").map(str::to_string)),
            );
        }
    }
    let mut statement = conn.prepare(
        // A colleague's attachments are kept from the moment they arrive: the lead has not
        // decided on them yet, or the colleague has not sent them yet.
        "SELECT file_sha256 FROM evidence WHERE file_sha256 IS NOT NULL
         UNION SELECT sha256 FROM contribution_file
         UNION SELECT sha256 FROM answering_file",
    )?;
    let used: HashSet<String> = statement
        .query_map([], |row| row.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let settled = |path: &Path| {
        fs::metadata(path)
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| SystemTime::now().duration_since(t).ok())
            .is_some_and(|age| age > Duration::from_secs(60 * 60))
    };
    let mut removed = 0;
    for name in regular_files(&evidence, is_sha256_hex) {
        let path = evidence.join(&name);
        if !used.contains(&name) && held.contains(&name) && settled(&path) {
            removed += usize::from(fs::remove_file(&path).is_ok());
        }
    }
    Ok(removed)
}
