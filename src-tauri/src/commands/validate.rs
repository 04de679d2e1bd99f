//! Checks on IPC arguments before they reach the core. The core validates meaning (levels
//! against the scale, text limits); these checks reject shapes no screen would send, so a
//! compromised or buggy webview cannot probe with odd values.

use yardstick::Error;

/// Ids are SQLite rowids: positive.
pub fn id(name: &str, value: i64) -> Result<i64, Error> {
    if value > 0 {
        Ok(value)
    } else {
        Err(Error::InvalidInput(format!(
            "The {name} id {value} is not valid. Go back and choose the item again."
        )))
    }
}

/// A list of ids, each positive; no screen sends more than a few dozen, so a longer list is a
/// probe and is refused before it reaches the database.
pub fn ids(name: &str, values: Vec<i64>) -> Result<Vec<i64>, Error> {
    const MOST_IDS: usize = 100;
    if values.len() > MOST_IDS {
        return Err(Error::InvalidInput(format!(
            "{} {name} ids were sent; no screen sends more than {MOST_IDS}.",
            values.len()
        )));
    }
    for &value in &values {
        id(name, value)?;
    }
    Ok(values)
}

/// Question ids are checklist slugs: short, lowercase, digits and hyphens.
pub fn question_id(value: &str) -> Result<&str, Error> {
    if yardstick::checklist::is_slug(value) && value.len() <= 100 {
        Ok(value)
    } else {
        Err(Error::InvalidInput(format!(
            "\"{}\" is not a question id. Go back to the task list and open the question again.",
            value.chars().take(40).collect::<String>()
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_must_be_positive_because_sqlite_never_issues_zero_or_negative_rowids() {
        assert!(id("assessment", 1).is_ok());
        assert!(id("assessment", 0).is_err());
        assert!(id("assessment", -5).is_err());
        assert!(ids("assessment", vec![1, 2]).is_ok());
        assert!(ids("assessment", vec![1, 0]).is_err());
        assert!(ids("assessment", (1..=101).collect()).is_err());
    }

    #[test]
    fn question_ids_must_be_slugs_so_paths_and_markup_cannot_sneak_in() {
        assert!(question_id("promotion").is_ok());
        assert!(question_id("../etc").is_err());
        assert!(question_id("<script>").is_err());
        assert!(question_id(&"a".repeat(101)).is_err());
    }
}
