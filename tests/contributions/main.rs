//! Contributions (#16), on real SQLite files: a request written as a workbook and filled in
//! with openpyxl as a colleague would, or as a contribution file; taken in, reviewed,
//! accepted or set aside; and every way a returned file can be wrong refused with the
//! database left exactly as it was.

mod common;
#[path = "../support/dump.rs"]
mod dump;

mod answering;
mod refusals;
mod roundtrip;
mod schema;
