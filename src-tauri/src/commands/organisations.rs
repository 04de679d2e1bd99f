//! Commands over organisations: the councils whose assessments this database holds.

use serde::Deserialize;
use tauri::State;
use ts_rs::TS;
use yardstick::store::organisations::{self, DeletionCounts, Organisation, OrganisationKind};

use super::validate;
use crate::error::IpcError;
use crate::state::AppState;

#[derive(Debug, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct OrganisationInput {
    pub name: String,
    pub kind: OrganisationKind,
    pub gss_code: Option<String>,
}

#[tauri::command]
pub async fn list_organisations(state: State<'_, AppState>) -> Result<Vec<Organisation>, IpcError> {
    state.with_connection(|conn| organisations::list_organisations(conn))
}

#[tauri::command]
pub async fn create_organisation(
    state: State<'_, AppState>,
    input: OrganisationInput,
) -> Result<Organisation, IpcError> {
    state.with_connection(|conn| {
        organisations::create_organisation(conn, &input.name, input.kind, input.gss_code.as_deref())
    })
}

#[tauri::command]
pub async fn update_organisation(
    state: State<'_, AppState>,
    id: i64,
    input: OrganisationInput,
) -> Result<Organisation, IpcError> {
    let id = validate::id("organisation", id)?;
    state.with_connection(|conn| {
        organisations::update_organisation(
            conn,
            id,
            &input.name,
            input.kind,
            input.gss_code.as_deref(),
        )
    })
}

/// What removing the organisation would delete, so the confirmation can say so.
#[tauri::command]
pub async fn organisation_deletion_counts(
    state: State<'_, AppState>,
    id: i64,
) -> Result<DeletionCounts, IpcError> {
    let id = validate::id("organisation", id)?;
    state.with_connection(|conn| organisations::deletion_counts(conn, id))
}

#[tauri::command]
pub async fn delete_organisation(
    state: State<'_, AppState>,
    id: i64,
) -> Result<DeletionCounts, IpcError> {
    let id = validate::id("organisation", id)?;
    state.with_connection(|conn| organisations::delete_organisation(conn, id))
}
