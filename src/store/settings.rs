//! Settings kept in the database (so they travel with a backup): the assessor's name, which
//! the audit trail records as "who", and the protective marking printed on reports.

use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{validate, write};
use crate::{Error, Field, Result};

/// Key of the person using this copy of Yardstick; the audit trail's "who".
pub const ASSESSOR_NAME: &str = "assessor_name";
/// Key of the protective marking printed in report headers and footers, e.g. OFFICIAL.
pub const PROTECTIVE_MARKING: &str = "protective_marking";

const KNOWN_KEYS: [&str; 2] = [ASSESSOR_NAME, PROTECTIVE_MARKING];

/// What the audit trail records as "who" when no assessor name has been set.
pub const UNKNOWN_ASSESSOR: &str = "Unknown assessor";

/// Every setting, with empty strings for the ones never set.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Settings {
    pub assessor_name: String,
    pub protective_marking: String,
}

pub fn get(conn: &Connection, key: &str) -> Result<Option<String>> {
    Ok(conn
        .query_row("SELECT value FROM setting WHERE key = ?1", [key], |row| {
            row.get(0)
        })
        .optional()?)
}

/// Sets one setting; an empty value removes it. Only known keys are accepted so a typo in a
/// caller cannot create a setting nothing reads.
pub fn set(conn: &Connection, key: &str, value: &str) -> Result<()> {
    if !KNOWN_KEYS.contains(&key) {
        return Err(Error::InvalidInput(format!(
            "\"{key}\" is not a Yardstick setting. Known settings: {}.",
            KNOWN_KEYS.join(", ")
        )));
    }
    let value = value.trim();
    let field = if key == ASSESSOR_NAME {
        Field::Assessor
    } else {
        Field::ProtectiveMarking
    };
    validate::text(field, value)?;
    if value.is_empty() {
        conn.execute("DELETE FROM setting WHERE key = ?1", [key])?;
    } else {
        conn.execute(
            "INSERT INTO setting (key, value) VALUES (?1, ?2)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            params![key, value],
        )?;
    }
    Ok(())
}

pub fn load(conn: &Connection) -> Result<Settings> {
    Ok(Settings {
        assessor_name: get(conn, ASSESSOR_NAME)?.unwrap_or_default(),
        protective_marking: get(conn, PROTECTIVE_MARKING)?.unwrap_or_default(),
    })
}

/// Saves every setting in one transaction.
pub fn save(conn: &Connection, settings: &Settings) -> Result<()> {
    write(conn, |tx| {
        set(tx, ASSESSOR_NAME, &settings.assessor_name)?;
        set(tx, PROTECTIVE_MARKING, &settings.protective_marking)
    })
}

/// The name the audit trail records for changes made now.
pub fn current_assessor(conn: &Connection) -> Result<String> {
    Ok(get(conn, ASSESSOR_NAME)?.unwrap_or_else(|| UNKNOWN_ASSESSOR.to_string()))
}
