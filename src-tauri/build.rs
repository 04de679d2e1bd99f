fn main() {
    encode_window_fonts();
    // Only the commands listed here may be called from the webview; everything else is denied
    // unless the capability file grants it. Keep this list, the capability file and
    // `generate_handler!` in src/lib.rs in step.
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(&COMMANDS)),
    )
    .expect("failed to run tauri-build");
}

/// The Linux window's typeface as base64, ready for its start-up script (src/window_fonts.rs):
/// encoding it when the app starts cost the unoptimised debug build 4 ms in front of the window.
fn encode_window_fonts() {
    use base64::Engine;
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() != Ok("linux") {
        return;
    }
    let out = std::path::PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    for style in ["Regular", "Bold"] {
        let font = format!("../assets/fonts/YardstickSans-{style}.woff2");
        println!("cargo:rerun-if-changed={font}");
        let bytes = std::fs::read(&font).unwrap_or_else(|e| panic!("read {font}: {e}"));
        let text = base64::engine::general_purpose::STANDARD.encode(bytes);
        std::fs::write(
            out.join(format!("YardstickSans-{style}.woff2.base64")),
            text,
        )
        .expect("write the encoded font to OUT_DIR");
    }
}

const COMMANDS: [&str; 48] = [
    "app_info",
    "list_assessments",
    "load_assessment",
    "start_new_assessment",
    "finalise_assessment",
    "reopen_assessment",
    "load_example_data",
    "assessment_overview",
    "back_up_now",
    "restore_backup",
    "list_organisations",
    "create_organisation",
    "update_organisation",
    "organisation_deletion_counts",
    "delete_organisation",
    "save_answer",
    "add_note",
    "add_link",
    "attach_files",
    "remove_evidence",
    "open_evidence",
    "add_action",
    "update_action",
    "remove_action",
    "list_checklists",
    "add_checklist",
    "get_settings",
    "save_settings",
    "change_zoom",
    "export_report_pdf",
    "open_exported_report",
    "compare_assessments",
    "default_comparison_ids",
    "export_assessment",
    "import_assessment",
    "list_contribution_requests",
    "request_contribution",
    "import_contributions",
    "list_contributions",
    "accept_contribution",
    "set_aside_contribution",
    "open_contribution_request",
    "list_answering",
    "load_answering",
    "save_contribution_answer",
    "attach_contribution_files",
    "remove_contribution_file",
    "save_contribution",
];
