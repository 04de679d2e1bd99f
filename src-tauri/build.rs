fn main() {
    // Only the commands listed here may be called from the webview; everything else is denied
    // unless the capability file grants it.
    tauri_build::try_build(tauri_build::Attributes::new().app_manifest(
        tauri_build::AppManifest::new().commands(&["list_assessments", "app_info"]),
    ))
    .expect("failed to run tauri-build");
}
