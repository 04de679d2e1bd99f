//! Checklists as data: parsing and validating checklist files, and the built-in checklists
//! embedded in the binaries.

mod model;

pub use model::*;
