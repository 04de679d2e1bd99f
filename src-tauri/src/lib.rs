//! The Yardstick desktop shell: builds the Tauri app, opens the database once, and registers
//! the commands. Everything the commands do is done by the `yardstick` core crate.

mod commands;
mod dialogs;
mod error;
mod first_screen;
mod startup;
mod state;
#[cfg(target_os = "linux")]
mod window_fonts;

use tauri::Manager;
use yardstick::store::archive::{self, AutomaticBackup};
use yardstick::store::settings;

pub use commands::dto;

pub fn run() {
    // Without a web view nothing can be shown, so nothing is opened either.
    startup::refuse_without_web_view();
    let opening = state::AppState::open_in_background();
    let ran = tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .setup(move |app| {
            app.manage(opening.wait());
            let state = app.state::<state::AppState>();
            let window = open_main_window(app, &state)?;
            // The zoom the user chose last time, before anything is drawn.
            if let Ok(level) = state.with_connection(|conn| settings::zoom(conn)) {
                let _ = commands::zoom::apply(&window, level);
            }
            // At most one automatic backup a day, made off the main thread so the window
            // shows at once, and on its own connection so the first screens never wait
            // behind a copy of a large evidence folder. A failure is not fatal; the next
            // start tries again.
            if state.is_open() {
                let database_path = state.database_path.clone();
                std::thread::spawn(move || {
                    let made = yardstick::store::open(&database_path).and_then(|conn| {
                        archive::automatic_backup(
                            &conn,
                            AutomaticBackup::Daily,
                            archive::KEEP_AUTOMATIC,
                        )
                    });
                    if let Err(error) = made {
                        eprintln!("Yardstick could not make today's automatic backup: {error}");
                    }
                });
            }
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
            commands::backup::back_up_now,
            commands::backup::restore_backup,
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
            commands::zoom::change_zoom,
            commands::report::export_report_pdf,
            commands::report::open_exported_report,
            commands::compare::compare_assessments,
            commands::compare::default_comparison_ids,
            commands::exchange::export_assessment,
            commands::exchange::import_assessment,
            commands::contributions::list_contribution_requests,
            commands::contributions::request_contribution,
            commands::contributions::import_contributions,
            commands::contributions::list_contributions,
            commands::contributions::accept_contribution,
            commands::contributions::set_aside_contribution,
            commands::contributions::open_contribution_request,
            commands::contributions::list_answering,
            commands::contributions::load_answering,
            commands::contributions::save_contribution_answer,
            commands::contributions::attach_contribution_files,
            commands::contributions::remove_contribution_file,
            commands::contributions::save_contribution,
        ])
        .run(tauri::generate_context!());
    if let Err(error) = ran {
        startup::fail(&format!(
            "Yardstick could not open its window.\n\nDetails: {error}"
        ));
    }
}

/// Opens the window tauri.conf.json describes (it is not created at start-up there), with the
/// home screen's data handed to its page so the first screen needs no round trip, and on
/// Linux the typeface, so drawing text needs no font search.
fn open_main_window(
    app: &tauri::App,
    state: &state::AppState,
) -> tauri::Result<tauri::WebviewWindow> {
    let config = app
        .config()
        .app
        .windows
        .iter()
        .find(|window| window.label == "main")
        .cloned()
        .unwrap_or_default();
    let mut builder = tauri::WebviewWindowBuilder::from_config(app.handle(), &config)?;
    #[cfg(target_os = "linux")]
    {
        builder = builder.initialization_script(window_fonts::initialization_script());
    }
    if let Some(script) = first_screen::read(state)
        .as_ref()
        .and_then(first_screen::initialization_script)
    {
        builder = builder.initialization_script(script);
    }
    builder.build()
}

#[cfg(test)]
mod command_list_tests {
    //! The command list lives in four places that Tauri and the UI each need in their own
    //! form; this test keeps them one set, so a command cannot be registered but forbidden,
    //! allowed but missing, or called by the UI under a name Rust does not know.

    use std::collections::BTreeSet;
    use std::path::Path;

    fn read(relative: &str) -> String {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(relative);
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()))
    }

    /// The text between `start` and the next `end`.
    fn between<'t>(text: &'t str, start: &str, end: &str) -> &'t str {
        let from = text.find(start).unwrap_or_else(|| panic!("no {start:?}")) + start.len();
        let length = text[from..]
            .find(end)
            .unwrap_or_else(|| panic!("no {end:?}"));
        &text[from..from + length]
    }

    fn registered() -> BTreeSet<String> {
        let lib = read("src/lib.rs");
        between(&lib, "generate_handler![", "]")
            .split(',')
            .filter_map(|path| path.trim().rsplit("::").next())
            .filter(|name| !name.is_empty())
            .map(str::to_string)
            .collect()
    }

    fn quoted(text: &str) -> BTreeSet<String> {
        text.split('"')
            .skip(1)
            .step_by(2)
            .map(str::to_string)
            .collect()
    }

    #[test]
    fn build_rs_capability_and_ui_name_the_same_commands_as_the_handler() {
        let handler = registered();
        assert!(
            handler.len() > 20,
            "the handler list was found: {handler:?}"
        );

        let build = quoted(between(&read("build.rs"), "const COMMANDS", "];"));
        assert_eq!(
            build, handler,
            "build.rs COMMANDS and generate_handler! differ"
        );

        let capability = read("capabilities/default.json");
        let allowed: BTreeSet<String> = quoted(between(&capability, "\"permissions\"", "]"))
            .into_iter()
            .filter_map(|p| p.strip_prefix("allow-").map(|n| n.replace('-', "_")))
            .collect();
        assert_eq!(
            allowed, handler,
            "capabilities/default.json and generate_handler! differ"
        );

        let backend = read("../ui/src/lib/backend/index.ts");
        let called: BTreeSet<String> = backend
            .split("call")
            .skip(1)
            .filter_map(|rest| {
                let rest = rest.strip_prefix("<").map_or(rest, |generic| {
                    &generic[generic.find('>').map_or(0, |i| i + 1)..]
                });
                quoted(rest.strip_prefix('(')?.split(')').next()?)
                    .into_iter()
                    .next()
            })
            .collect();
        assert_eq!(
            called, handler,
            "ui/src/lib/backend/index.ts and generate_handler! differ"
        );
    }
}
