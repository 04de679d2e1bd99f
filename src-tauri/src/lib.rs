//! The Yardstick desktop shell: builds the Tauri app, opens the database once, and registers
//! the commands. Everything the commands do is done by the `yardstick` core crate.

mod commands;
mod error;
mod state;

use tauri::Manager;

pub use commands::dto;

pub fn run() {
    tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .setup(|app| {
            app.manage(state::AppState::open());
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::app::app_info,
            commands::assessments::list_assessments,
        ])
        .run(tauri::generate_context!())
        .expect("error while running Yardstick");
}
