//! Checklist versions are numbers separated by dots ("1", "2026.1", "1.2.0") so that "the
//! newest version" has one meaning: compare the numbers left to right, missing parts as 0.

use std::cmp::Ordering;

/// The numeric parts of a version, or `None` if it is not dot-separated whole numbers.
pub fn parse(version: &str) -> Option<Vec<u64>> {
    version
        .split('.')
        .map(|part| {
            let digits =
                !part.is_empty() && part.len() <= 9 && part.bytes().all(|b| b.is_ascii_digit());
            digits.then(|| part.parse().ok()).flatten()
        })
        .collect()
}

/// Orders two versions; versions that do not parse sort before any that do.
pub fn compare(a: &str, b: &str) -> Ordering {
    match (parse(a), parse(b)) {
        (Some(a), Some(b)) => {
            let len = a.len().max(b.len());
            let part = |v: &[u64], i: usize| v.get(i).copied().unwrap_or(0);
            (0..len)
                .map(|i| part(&a, i).cmp(&part(&b, i)))
                .find(|o| o.is_ne())
                .unwrap_or(Ordering::Equal)
        }
        (a, b) => a.is_some().cmp(&b.is_some()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn orders_numerically_not_as_text() {
        assert_eq!(compare("2026.10", "2026.9"), Ordering::Greater);
        assert_eq!(compare("1", "1.0"), Ordering::Equal);
        assert_eq!(compare("1.0.1", "1"), Ordering::Greater);
        assert!(parse("1.x").is_none() && parse("").is_none() && parse("1..2").is_none());
    }
}
