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

/// Key of the app's own zoom level (1 is 100%), kept so the text stays as large as the user
/// last made it.
pub const ZOOM: &str = "zoom";

const KNOWN_KEYS: [&str; 3] = [ASSESSOR_NAME, PROTECTIVE_MARKING, ZOOM];

/// The zoom levels Ctrl+= and Ctrl+- step through, as browsers do; up to 400%, which WCAG
/// 2.2 asks content to survive.
pub const ZOOM_STEPS: [f64; 13] = [
    0.5, 0.67, 0.8, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0, 4.0,
];

/// Which way the user asked to zoom.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ZoomChange {
    In,
    Out,
    Reset,
}

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
    let field = match key {
        ASSESSOR_NAME => Field::Assessor,
        _ => Field::ProtectiveMarking,
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

/// The saved zoom level; 1 when none is saved or the saved one is not a step.
pub fn zoom(conn: &Connection) -> Result<f64> {
    let saved = get(conn, ZOOM)?.and_then(|text| text.parse::<f64>().ok());
    Ok(saved
        .filter(|z| ZOOM_STEPS.iter().any(|step| (step - z).abs() < 1e-9))
        .unwrap_or(1.0))
}

/// Moves the zoom one step in or out (or back to 100%), saves it and returns it.
pub fn change_zoom(conn: &Connection, change: ZoomChange) -> Result<f64> {
    let current = zoom(conn)?;
    let next = match change {
        ZoomChange::Reset => 1.0,
        ZoomChange::In => ZOOM_STEPS
            .iter()
            .copied()
            .find(|&step| step > current + 1e-9)
            .unwrap_or(current),
        ZoomChange::Out => ZOOM_STEPS
            .iter()
            .rev()
            .copied()
            .find(|&step| step < current - 1e-9)
            .unwrap_or(current),
    };
    set(conn, ZOOM, &next.to_string())?;
    Ok(next)
}

#[cfg(test)]
mod zoom_tests {
    use super::*;

    #[test]
    fn zoom_steps_in_and_out_stops_at_the_ends_and_is_remembered() {
        let dir = tempfile::tempdir().unwrap();
        let conn = crate::store::open(&dir.path().join("y.sqlite3")).unwrap();
        assert_eq!(zoom(&conn).unwrap(), 1.0, "100% until the user zooms");
        assert_eq!(change_zoom(&conn, ZoomChange::In).unwrap(), 1.1);
        assert_eq!(zoom(&conn).unwrap(), 1.1, "kept for the next start");
        for _ in 0..20 {
            change_zoom(&conn, ZoomChange::In).unwrap();
        }
        assert_eq!(zoom(&conn).unwrap(), 4.0, "400% is the largest step");
        assert_eq!(change_zoom(&conn, ZoomChange::Reset).unwrap(), 1.0);
        assert_eq!(change_zoom(&conn, ZoomChange::Out).unwrap(), 0.9);
        set(&conn, ZOOM, "37").unwrap();
        assert_eq!(
            zoom(&conn).unwrap(),
            1.0,
            "a value edited by hand falls back to 100%"
        );
    }
}
