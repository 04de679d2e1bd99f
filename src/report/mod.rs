//! The PDF report for senior management. [`model`] is what the report says, as plain values;
//! [`build_report`] fills it from the store; [`render`] turns it into an A4 PDF with a pure
//! function; [`priority`] is the rule that orders recommendations. The rest lays out pages:
//! measured text wrapping, text flowing across pages, tables, the summary chart and the
//! furniture repeated on every page.

mod build;
mod chart;
mod comparison;
mod findings;
mod fonts;
mod furniture;
mod history;
mod layout;
pub mod model;
mod pdf;
pub mod priority;
mod render;
mod sections;
mod table;
mod trend;
mod wrap;

pub use build::{build_report, ReportOptions};
pub use model::*;
pub use render::render;
