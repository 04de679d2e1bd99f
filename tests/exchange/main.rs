//! Exchange (issue #8): JSON export and import round trips (the example council, attached
//! files, and generated assessments), hostile and malformed import files each refused with a
//! located error and the database unchanged, conflicts and peer imports, the CSV export as
//! LibreOffice reads it, the published JSON Schema, and the CLI.

mod cli;
mod common;
mod csv;
#[path = "../support/dump.rs"]
mod dump;
mod hostile;
#[path = "../support/hostile.rs"]
mod hostile_files;
mod peer;
mod roundtrip;
#[path = "../support/cli.rs"]
mod run_cli;
mod safety;
mod schema;
