fn main() {
    // Only the commands listed here may be called from the webview; everything else is denied
    // unless the capability file grants it. Keep this list, the capability file and
    // `generate_handler!` in src/lib.rs in step.
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(&COMMANDS)),
    )
    .expect("failed to run tauri-build");
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
