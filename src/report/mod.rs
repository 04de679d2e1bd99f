//! The PDF report for senior management. [`model`] is what the report says, as plain values;
//! [`build_report`] fills it from the store; [`render`] turns it into an A4 PDF with a pure
//! function; [`priority`] is the rule that orders recommendations. The rest lays out pages:
//! measured text wrapping, text flowing across pages, tables, the summary chart and the
//! furniture repeated on every page. [`tags`] records the logical structure as pages are laid
//! out, and [`structure`] writes it as the PDF's structure tree for assistive technology.

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
mod structure;
mod table;
mod tags;
mod trend;
mod wrap;

pub use build::{build_report, ReportOptions};
pub use fonts::prepare as prepare_fonts;
pub use model::*;
pub use render::render;

/// The file name the save dialog suggests: `Yardstick - <organisation> - <period>.pdf`, with
/// the period's slash (2026/27) and any other character a file system refuses made a hyphen.
pub fn default_file_name(organisation: &str, period: &str) -> String {
    let name = format!("Yardstick - {organisation} - {period}.pdf");
    name.chars()
        .map(|c| match c {
            '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' => '-',
            c if c.is_control() => '-',
            c => c,
        })
        .collect()
}

#[cfg(test)]
mod file_name_tests {
    #[test]
    fn the_suggested_name_is_readable_and_safe_on_every_file_system() {
        assert_eq!(
            super::default_file_name("Example District Council", "2026/27"),
            "Yardstick - Example District Council - 2026-27.pdf"
        );
        assert_eq!(
            super::default_file_name("A:B", "2026/27"),
            "Yardstick - A-B - 2026-27.pdf"
        );
    }
}
