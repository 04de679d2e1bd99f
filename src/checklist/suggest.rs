//! "Did you mean …?" for mistyped keys: the allowed key closest to what was written, by edit
//! distance, when it is close enough to be a plausible typo.

/// The candidate nearest to `word`, if it is within a typo's distance (about a third of the
/// word's length, at least one edit).
pub(crate) fn closest<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    let word = word.to_lowercase().replace(['-', ' '], "_");
    let limit = (word.chars().count() / 3).max(1);
    candidates
        .iter()
        .map(|c| (edit_distance(&word, c), *c))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// Levenshtein distance over characters, with one reused row.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitute = diagonal + usize::from(ca != *cb);
            diagonal = row[j + 1];
            row[j + 1] = substitute.min(row[j] + 1).min(diagonal + 1);
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_near_misses_only() {
        let keys = ["evidence_prompts", "weight", "why_it_matters"];
        assert_eq!(closest("evidence_promts", &keys), Some("evidence_prompts"));
        assert_eq!(closest("weigth", &keys), Some("weight"));
        assert_eq!(closest("why-it-matters", &keys), Some("why_it_matters"));
        assert_eq!(closest("colour", &keys), None);
    }
}
