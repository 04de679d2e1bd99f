//! Input rules shared by the repositories: length limits, the financial-year period label,
//! links, due dates. Each check returns an `InvalidInput` error marked with its [`Field`], whose
//! message names the field and says how to put it right, because it is shown to the user as it is.

use crate::{Error, Field, Result};

/// The longest text any field takes, in characters. Long enough for pages of rationale, short
/// enough that one field cannot swamp the report or the database.
pub const MAX_TEXT_CHARS: usize = 50_000;

/// The largest file that can be attached as evidence: 100 MiB.
pub const MAX_ATTACHMENT_BYTES: u64 = 100 * 1024 * 1024;

/// Refuses text over [`MAX_TEXT_CHARS`] rather than cutting it, so nothing typed is lost.
pub fn text(field: Field, value: &str) -> Result<()> {
    let chars = value.chars().count();
    if chars > MAX_TEXT_CHARS {
        return Err(Error::invalid(field, format!(
            "The {} is {chars} characters long; the limit is {MAX_TEXT_CHARS}. Shorten it, or attach the full text as a file.",
            field.noun()
        )));
    }
    Ok(())
}

/// A short required field (a name or title): trimmed, not empty, within the limit.
pub fn required(field: Field, value: &str) -> Result<String> {
    let trimmed = value.trim();
    if trimmed.is_empty() {
        return Err(Error::invalid(
            field,
            format!("Enter the {}.", field.noun()),
        ));
    }
    text(field, trimmed)?;
    Ok(trimmed.to_string())
}

/// A UK financial year label such as `2026/27`: four digits, a slash, and the last two digits
/// of the following year. Returns the first year.
pub fn period(value: &str) -> Result<i32> {
    let invalid = || {
        Error::invalid(Field::Period, format!(
            "\"{value}\" is not a financial year. Enter it like 2026/27: the year it starts, a slash, and the last two digits of the next year."
        ))
    };
    let (start, end) = value.trim().split_once('/').ok_or_else(invalid)?;
    if start.len() != 4
        || end.len() != 2
        || !start.bytes().chain(end.bytes()).all(|b| b.is_ascii_digit())
    {
        return Err(invalid());
    }
    let first: i32 = start.parse().map_err(|_| invalid())?;
    let second: i32 = end.parse().map_err(|_| invalid())?;
    if !(1990..=2199).contains(&first) {
        return Err(invalid());
    }
    if (first + 1) % 100 != second {
        return Err(Error::invalid(Field::Period, format!(
            "\"{value}\" does not cover two consecutive years. A financial year that starts in {first} is written {first}/{:02}.",
            (first + 1) % 100
        )));
    }
    Ok(first)
}

/// An evidence link: absolute http or https only, because the app opens links in the system
/// browser and any other scheme (file:, javascript:) could run something on the user's machine.
pub fn link(value: &str) -> Result<String> {
    let url = value.trim();
    text(Field::Link, url)?;
    let lower = url.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"));
    match rest {
        Some(host) if !host.is_empty() && !host.starts_with('/') && !url.chars().any(char::is_whitespace) => {
            Ok(url.to_string())
        }
        _ => Err(Error::invalid(Field::Link, format!(
            "\"{url}\" is not a web link Yardstick can store. Links must start with https:// or http:// and contain no spaces."
        ))),
    }
}

/// A due date as `YYYY-MM-DD`, a real calendar date.
pub fn due_date(value: &str) -> Result<String> {
    let trimmed = value.trim();
    chrono::NaiveDate::parse_from_str(trimmed, "%Y-%m-%d")
        .ok()
        .filter(|_| trimmed.len() == 10)
        .map(|date| date.format("%Y-%m-%d").to_string())
        .ok_or_else(|| {
            Error::invalid(Field::DueDate, format!(
                "\"{value}\" is not a date. Enter the due date as year-month-day, for example 2026-03-31."
            ))
        })
}
