//! Organisations: the councils (or other bodies) that assessments belong to. A shared-service
//! lead may keep several in one database, so names are unique regardless of case. A peer
//! council whose assessment was imported for comparison gets a peer organisation of its own,
//! apart from the user's even when the names match, so a peer's assessment never joins the
//! user's history; the functions here that look organisations up by name see only the user's.

use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{now, validate, write};
use crate::{Error, Field, Result};

/// The kinds of UK local authority, plus `Other` for fire authorities, parish councils,
/// shared services and anything else.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum OrganisationKind {
    District,
    County,
    Unitary,
    MetropolitanBorough,
    LondonBorough,
    WelshPrincipal,
    Scottish,
    NorthernIrish,
    Other,
}

impl OrganisationKind {
    pub const ALL: [OrganisationKind; 9] = [
        Self::District,
        Self::County,
        Self::Unitary,
        Self::MetropolitanBorough,
        Self::LondonBorough,
        Self::WelshPrincipal,
        Self::Scottish,
        Self::NorthernIrish,
        Self::Other,
    ];

    /// The value stored in the database and used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::District => "district",
            Self::County => "county",
            Self::Unitary => "unitary",
            Self::MetropolitanBorough => "metropolitan_borough",
            Self::LondonBorough => "london_borough",
            Self::WelshPrincipal => "welsh_principal",
            Self::Scottish => "scottish",
            Self::NorthernIrish => "northern_irish",
            Self::Other => "other",
        }
    }

    /// The words a user sees, e.g. in a select list.
    pub fn label(self) -> &'static str {
        match self {
            Self::District => "District council",
            Self::County => "County council",
            Self::Unitary => "Unitary authority",
            Self::MetropolitanBorough => "Metropolitan borough council",
            Self::LondonBorough => "London borough council",
            Self::WelshPrincipal => "Welsh principal council",
            Self::Scottish => "Scottish council",
            Self::NorthernIrish => "Northern Irish council",
            Self::Other => "Other",
        }
    }

    pub fn parse(value: &str) -> Result<Self> {
        Self::ALL
            .into_iter()
            .find(|kind| kind.as_str() == value)
            .ok_or_else(|| {
                let names: Vec<&str> = Self::ALL.iter().map(|k| k.as_str()).collect();
                Error::InvalidInput(format!(
                    "\"{value}\" is not a kind of organisation Yardstick knows. Use one of: {}.",
                    names.join(", ")
                ))
            })
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Organisation {
    pub id: i64,
    pub name: String,
    pub kind: OrganisationKind,
    /// The ONS Government Statistical Service code, e.g. E07000123, when known.
    pub gss_code: Option<String>,
    pub created_at: String,
    pub updated_at: String,
}

/// What deleting an organisation removes with it, so the UI can say so before the user
/// confirms.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DeletionCounts {
    pub assessments: u32,
    pub answers: u32,
    pub evidence: u32,
    pub actions: u32,
}

const COLUMNS: &str = "id, name, kind, gss_code, created_at, updated_at";

fn from_row(row: &Row) -> rusqlite::Result<Organisation> {
    let kind: String = row.get(2)?;
    Ok(Organisation {
        id: row.get(0)?,
        name: row.get(1)?,
        // The CHECK constraint keeps `kind` in the list; `Other` is a safe reading otherwise.
        kind: OrganisationKind::parse(&kind).unwrap_or(OrganisationKind::Other),
        gss_code: row.get(3)?,
        created_at: row.get(4)?,
        updated_at: row.get(5)?,
    })
}

/// A GSS code is a letter and eight digits (E07000123); stored upper case.
fn gss_code(value: Option<&str>) -> Result<Option<String>> {
    let Some(code) = value.map(str::trim).filter(|c| !c.is_empty()) else {
        return Ok(None);
    };
    let code = code.to_ascii_uppercase();
    let valid = code.len() == 9
        && code.as_bytes()[0].is_ascii_uppercase()
        && code[1..].bytes().all(|b| b.is_ascii_digit());
    if !valid {
        return Err(Error::invalid(Field::GssCode, format!(
            "\"{code}\" is not a GSS code. It is a letter and eight digits, like E07000123; leave it empty if you do not know it."
        )));
    }
    Ok(Some(code))
}

pub fn create_organisation(
    conn: &Connection,
    name: &str,
    kind: OrganisationKind,
    gss: Option<&str>,
) -> Result<Organisation> {
    create(conn, name, kind, gss, false)
}

/// Creates one of the user's own organisations, or (`peer`) a peer organisation for a peer
/// council's imported assessment, whose name may match one of the user's own: the two stay
/// apart, so only the user's own names must be unique.
pub(crate) fn create(
    conn: &Connection,
    name: &str,
    kind: OrganisationKind,
    gss: Option<&str>,
    peer: bool,
) -> Result<Organisation> {
    let name = validate::required(Field::OrganisationName, name)?;
    let gss = gss_code(gss)?;
    write(conn, |tx| {
        if let Some(existing) = find_by_name(tx, &name)?.filter(|_| !peer) {
            return Err(Error::Conflict(format!(
                "There is already an organisation called \"{}\". Choose it from the list, or give the new one a different name.",
                existing.name
            ))
            .on(Field::OrganisationName));
        }
        tx.execute(
            "INSERT INTO organisation (name, kind, gss_code, peer, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
            params![name, kind.as_str(), gss, peer, now()],
        )?;
        get_organisation(tx, tx.last_insert_rowid())
    })
}

pub fn get_organisation(conn: &Connection, id: i64) -> Result<Organisation> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM organisation WHERE id = ?1"),
        [id],
        from_row,
    )
    .optional()?
    .ok_or_else(|| {
        Error::NotFound(format!(
            "There is no organisation with id {id}. It may have been deleted."
        ))
    })
}

/// The user's own organisation with this name, ignoring case and surrounding spaces.
pub fn find_by_name(conn: &Connection, name: &str) -> Result<Option<Organisation>> {
    find(conn, name, false)
}

/// The peer organisation with this name, ignoring case and surrounding spaces.
pub(crate) fn find_peer_by_name(conn: &Connection, name: &str) -> Result<Option<Organisation>> {
    find(conn, name, true)
}

fn find(conn: &Connection, name: &str, peer: bool) -> Result<Option<Organisation>> {
    Ok(conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM organisation WHERE name = ?1 AND peer = ?2"),
            params![name.trim(), peer],
            from_row,
        )
        .optional()?)
}

/// Whether organisation `id` is a peer's.
pub(crate) fn is_peer(conn: &Connection, id: i64) -> Result<bool> {
    Ok(
        conn.query_row("SELECT peer FROM organisation WHERE id = ?1", [id], |row| {
            row.get(0)
        })?,
    )
}

/// The user's own organisations, by name; peers' are reached through their assessments.
pub fn list_organisations(conn: &Connection) -> Result<Vec<Organisation>> {
    let mut statement = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM organisation WHERE peer = 0 ORDER BY name"
    ))?;
    let rows = statement.query_map([], from_row)?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Renames an organisation and updates its kind and GSS code.
pub fn update_organisation(
    conn: &Connection,
    id: i64,
    name: &str,
    kind: OrganisationKind,
    gss: Option<&str>,
) -> Result<Organisation> {
    let name = validate::required(Field::OrganisationName, name)?;
    let gss = gss_code(gss)?;
    write(conn, |tx| {
        get_organisation(tx, id)?;
        let peer = is_peer(tx, id)?;
        if find(tx, &name, peer)?.is_some_and(|other| other.id != id) {
            return Err(Error::Conflict(format!(
                "There is already an organisation called \"{name}\". Choose a different name."
            ))
            .on(Field::OrganisationName));
        }
        tx.execute(
            "UPDATE organisation SET name = ?2, kind = ?3, gss_code = ?4, updated_at = ?5 WHERE id = ?1",
            params![id, name, kind.as_str(), gss, now()],
        )?;
        get_organisation(tx, id)
    })
}

/// What [`delete_organisation`] would remove, for the confirmation page.
pub fn deletion_counts(conn: &Connection, id: i64) -> Result<DeletionCounts> {
    get_organisation(conn, id)?;
    let count = |table: &str| -> Result<u32> {
        Ok(conn.query_row(
            &format!(
                "SELECT COUNT(*) FROM {table} WHERE assessment_id IN (SELECT id FROM assessment WHERE organisation_id = ?1)"
            ),
            [id],
            |row| row.get(0),
        )?)
    };
    Ok(DeletionCounts {
        assessments: conn.query_row(
            "SELECT COUNT(*) FROM assessment WHERE organisation_id = ?1",
            [id],
            |row| row.get(0),
        )?,
        answers: count("answer")?,
        evidence: count("evidence")?,
        actions: count("action")?,
    })
}

/// Deletes an organisation with all its assessments (final ones included: this is the user
/// removing a council they no longer keep, after being shown the counts). Attached files stay
/// in the evidence folder because older backups may still refer to them.
pub fn delete_organisation(conn: &Connection, id: i64) -> Result<DeletionCounts> {
    write(conn, |tx| {
        let counts = deletion_counts(tx, id)?;
        tx.execute("DELETE FROM organisation WHERE id = ?1", [id])?;
        Ok(counts)
    })
}
