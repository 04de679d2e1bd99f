//! The report renderer's entry point: lays the sections out in order, adds the furniture that
//! repeats on every page, and writes the PDF. Pure: the same [`Report`] gives the same bytes,
//! because the export time travels in the report and nothing here reads a clock or a random
//! source.

use super::comparison;
use super::findings;
use super::fonts::fonts;
use super::furniture::decorate;
use super::layout::Flow;
use super::model::Report;
use super::pdf;
use super::sections;
use super::summary;
use crate::Error;

/// Renders `report` as an A4 PDF.
pub fn render(report: &Report) -> Result<Vec<u8>, Error> {
    let fonts = fonts()?;
    let mut flow = Flow::new(fonts);
    sections::cover(&mut flow, report);
    // Each major section starts on a fresh page so it can be printed or read on its own.
    flow.new_page();
    summary::summary(&mut flow, report);
    if !report.groups.is_empty() {
        flow.new_page();
        summary::groups_section(&mut flow, report);
    }
    if summary::is_long(report) {
        flow.new_page();
        summary::level_chart_section(&mut flow, report);
    }
    flow.new_page();
    sections::recommendations(&mut flow, report);
    flow.new_page();
    findings::findings(&mut flow, report);
    if let Some(comparison) = &report.comparison {
        flow.new_page();
        comparison::comparison(&mut flow, comparison, &report.method);
    }
    flow.new_page();
    findings::method(&mut flow, report);
    let (pages, outline, tags) = flow.finish();
    let pages = decorate(pages, report, fonts);
    pdf::write(&pages, &outline, &tags, report, fonts)
}
