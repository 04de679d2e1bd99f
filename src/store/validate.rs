//! Input rules shared by the repositories: length limits, the financial-year period label,
//! links, due dates. Each check returns an `InvalidInput` error marked with its [`Field`], whose
//! message names the field and says how to put it right, because it is shown to the user as it is.

use crate::text::quoted;
use crate::{Error, Field, Result};

/// The longest text any field takes, in characters. Long enough for pages of rationale, short
/// enough that one field cannot swamp the report or the database.
pub const MAX_TEXT_CHARS: usize = 50_000;

/// The largest file that can be attached as evidence: 100 MiB.
pub const MAX_ATTACHMENT_BYTES: u64 = 100 * 1024 * 1024;

/// The fields shown as one line (in lists, headings and the report): control characters are
/// refused in them, and NUL everywhere. Kept in one list here so the editing functions and
/// import apply exactly the same rule.
pub const SINGLE_LINE_FIELDS: [Field; 8] = [
    Field::OrganisationName,
    Field::Approver,
    Field::Assessor,
    Field::Scope,
    Field::ActionTitle,
    Field::ActionOwner,
    Field::Contributor,
    Field::Team,
];

/// Refuses text over [`MAX_TEXT_CHARS`] rather than cutting it, so nothing typed is lost, and
/// refuses characters the field cannot hold (see [`SINGLE_LINE_FIELDS`]).
pub fn text(field: Field, value: &str) -> Result<()> {
    if SINGLE_LINE_FIELDS.contains(&field) {
        crate::text::single_line(field.noun(), value).map_err(|e| e.on(field))?;
    } else {
        crate::text::no_nul(field.noun(), value).map_err(|e| e.on(field))?;
    }
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
            "\"{}\" is not a financial year. Enter it like 2026/27: the year it starts, a slash, and the last two digits of the next year.",
            quoted(value)
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
            "\"{}\" does not cover two consecutive years. A financial year that starts in {first} is written {first}/{:02}.",
            quoted(value),
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
    crate::text::single_line("link", url).map_err(|e| e.on(Field::Link))?;
    let lower = url.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"));
    match rest {
        Some(host) if !host.is_empty() && !host.starts_with('/') && !url.chars().any(char::is_whitespace) => {
            Ok(url.to_string())
        }
        _ => Err(Error::invalid(Field::Link, format!(
            "\"{}\" is not a web link Yardstick can store. Links must start with https:// or http:// and contain no spaces.",
            quoted(url)
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
                "\"{}\" is not a date. Enter the due date as year-month-day, for example 2026-03-31.",
                quoted(value)
            ))
        })
}

/// The years a stored time may fall in. Outside them a time is a mistake or a trap: the year
/// 10000 is written "+10000-…", which sorts wrongly and no RFC 3339 reader accepts back.
pub const TIMESTAMP_YEARS: std::ops::RangeInclusive<i32> = 1970..=9999;

/// An RFC 3339 time, rewritten in the store's form (UTC, milliseconds, `Z`) so text order
/// stays time order, and refused outside [`TIMESTAMP_YEARS`] once in UTC.
pub fn timestamp(value: &str) -> Result<String> {
    use chrono::Datelike;
    let invalid = |why: &str| {
        Error::InvalidInput(format!(
            "\"{}\" is not a date and time Yardstick can store: {why}. Write it in RFC 3339 form, e.g. 2026-04-01T09:30:00.000Z.",
            quoted(value)
        ))
    };
    let time = chrono::DateTime::parse_from_rfc3339(value.trim())
        .map_err(|_| invalid("it is not in RFC 3339 form"))?
        .with_timezone(&chrono::Utc);
    if !TIMESTAMP_YEARS.contains(&time.year()) {
        return Err(invalid(&format!(
            "in UTC it falls in the year {}, outside {} to {}",
            time.year(),
            TIMESTAMP_YEARS.start(),
            TIMESTAMP_YEARS.end()
        )));
    }
    Ok(time.to_rfc3339_opts(chrono::SecondsFormat::Millis, true))
}

/// The most evidence items one question may hold, and the most actions that may follow from
/// one question (or from the overall recommendation). Far above what a real assessment needs;
/// they stop a file or a script from filling the database and the report without end.
pub const MAX_EVIDENCE_PER_QUESTION: usize = 200;
pub const MAX_ACTIONS_PER_QUESTION: usize = 100;

/// Refuses one more evidence item (`table` "evidence") or action (`table` "action") for a
/// question that already holds `most`; `question_id` `None` is the overall recommendation.
pub(crate) fn room_for(
    conn: &rusqlite::Connection,
    table: &str,
    assessment_id: i64,
    question_id: Option<&str>,
    most: usize,
) -> Result<()> {
    let held: i64 = conn.query_row(
        &format!("SELECT COUNT(*) FROM {table} WHERE assessment_id = ?1 AND question_id IS ?2"),
        rusqlite::params![assessment_id, question_id],
        |row| row.get(0),
    )?;
    if held as usize >= most {
        let (what, fix) = match table {
            "evidence" => (
                "evidence items",
                "Remove some, or gather the rest into one attached file",
            ),
            _ => ("actions", "Remove or combine some of them"),
        };
        let whose = question_id.map_or("the overall recommendation".to_string(), |q| {
            format!("question \"{}\"", quoted(q))
        });
        return Err(Error::InvalidInput(format!(
            "{whose} already has {held} {what}, the most it can hold. {fix}."
        )));
    }
    Ok(())
}
