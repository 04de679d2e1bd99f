//! The Yardstick desktop shell: builds the Tauri app, opens the database once, and registers
//! the commands. Everything the commands do is done by the `yardstick` core crate.

mod commands;
mod dialogs;
mod error;
mod state;

use tauri::Manager;

pub use commands::dto;

pub fn run() {
    tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .setup(|app| {
            app.manage(state::AppState::open());
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::app::app_info,
            commands::assessments::list_assessments,
            commands::assessments::load_assessment,
            commands::assessments::start_new_assessment,
            commands::assessments::finalise_assessment,
            commands::assessments::reopen_assessment,
            commands::assessments::load_example_data,
            commands::assessments::assessment_overview,
            commands::organisations::list_organisations,
            commands::organisations::create_organisation,
            commands::organisations::update_organisation,
            commands::organisations::organisation_deletion_counts,
            commands::organisations::delete_organisation,
            commands::answers::save_answer,
            commands::evidence::add_note,
            commands::evidence::add_link,
            commands::evidence::attach_files,
            commands::evidence::remove_evidence,
            commands::evidence::open_evidence,
            commands::actions::add_action,
            commands::actions::update_action,
            commands::actions::remove_action,
            commands::checklists::list_checklists,
            commands::checklists::add_checklist,
            commands::settings::get_settings,
            commands::settings::save_settings,
            commands::report::export_report_pdf,
            commands::report::open_exported_report,
            commands::compare::compare_assessments,
            commands::compare::default_comparison_ids,
            commands::exchange::export_assessment,
            commands::exchange::import_assessment,
        ])
        .run(tauri::generate_context!())
        .expect("error while running Yardstick");
}
