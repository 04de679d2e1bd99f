//! Commands over checklists: which ones can be used, and adding a user's own file.

use serde::Serialize;
use tauri::{AppHandle, State};
use ts_rs::TS;
use yardstick::checklist::{self, ChecklistOrigin, LoadedChecklist};

use crate::dialogs::{self, FileFilter};
use crate::error::IpcError;
use crate::state::AppState;

/// A checklist as the start page offers it.
#[derive(Debug, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ChecklistInfo {
    pub id: String,
    pub version: String,
    pub title: String,
    pub question_count: u32,
    pub built_in: bool,
    /// The target profiles an assessment may start from (format-2 checklists).
    pub profiles: Vec<ProfileInfo>,
    /// What the checklist calls its questions, e.g. "outcomes".
    pub questions_word: String,
}

/// A target profile as the start page offers it.
#[derive(Debug, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ProfileInfo {
    pub id: String,
    pub title: String,
    pub summary: String,
}

/// The checklists on offer, and the problems with any broken user files (shown, not fatal).
#[derive(Debug, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ChecklistCatalogue {
    pub checklists: Vec<ChecklistInfo>,
    pub problems: Vec<String>,
}

impl From<&LoadedChecklist> for ChecklistInfo {
    fn from(loaded: &LoadedChecklist) -> Self {
        ChecklistInfo {
            id: loaded.checklist.id.clone(),
            version: loaded.checklist.version.clone(),
            title: loaded.checklist.title.clone(),
            question_count: loaded.checklist.questions.len() as u32,
            built_in: loaded.origin == ChecklistOrigin::BuiltIn,
            profiles: loaded
                .checklist
                .profiles
                .iter()
                .map(|p| ProfileInfo {
                    id: p.id.clone(),
                    title: p.title.clone(),
                    summary: p.summary.clone(),
                })
                .collect(),
            questions_word: loaded.checklist.wording.questions.clone(),
        }
    }
}

#[tauri::command]
pub async fn list_checklists(state: State<'_, AppState>) -> Result<ChecklistCatalogue, IpcError> {
    let (checklists, problems) = checklist::available_checklists(&state.data_dir());
    Ok(ChecklistCatalogue {
        checklists: checklists.iter().map(ChecklistInfo::from).collect(),
        problems: problems.iter().map(ToString::to_string).collect(),
    })
}

/// Shows the native open dialog for a `.toml` checklist, validates it and copies it in.
/// `None` when the user cancelled; an invalid file is an `invalid_input` error whose message
/// lists every problem as `FILE:LINE:COLUMN: message`.
#[tauri::command]
pub async fn add_checklist(
    app: AppHandle,
    state: State<'_, AppState>,
) -> Result<Option<ChecklistInfo>, IpcError> {
    let filter = FileFilter {
        name: "Checklist (TOML)",
        extensions: &["toml"],
    };
    let Some(path) = dialogs::pick_file(&app, "Add a checklist", filter) else {
        return Ok(None);
    };
    let installed = checklist::install_user_checklist(&state.data_dir(), &path)?;
    Ok(Some(ChecklistInfo::from(&installed)))
}
