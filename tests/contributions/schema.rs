//! The published JSON Schema of the contribution file is generated from its Rust types and
//! checked in; this fails when it is stale. Regenerate with `UPDATE_SCHEMA=1 cargo test -p
//! yardstick --test contributions json_schema`.

use std::path::PathBuf;

#[test]
fn json_schema_is_current() {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("docs/contribution-format.schema.json");
    let expected = yardstick::contributions::file::json_schema();
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(&path, &expected).unwrap();
        return;
    }
    let actual = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        actual == expected,
        "{} is stale: run `UPDATE_SCHEMA=1 cargo test -p yardstick --test contributions json_schema` and commit it",
        path.display()
    );
}
