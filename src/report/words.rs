//! Small pieces of report wording shared by the sections: lists of question numbers folded
//! into ranges, so one line can stand for an empty section repeated under many questions.

/// "1", "1 and 3", "1–3, 5 and 8–12": sorted numbers with runs of three or more as ranges.
pub fn number_list(numbers: &[u32]) -> String {
    let items: Vec<(u32, String)> = numbers.iter().map(|n| (*n, n.to_string())).collect();
    code_list(&items)
}

/// As [`number_list`], naming each question by its code ("A1.a–A1.c and B2.b"); runs are
/// found by position in the checklist, so a run of codes is a run of questions.
pub fn code_list(items: &[(u32, String)]) -> String {
    let mut sorted = items.to_vec();
    sorted.sort_unstable_by_key(|(n, _)| *n);
    sorted.dedup_by_key(|(n, _)| *n);
    let mut parts: Vec<String> = Vec::new();
    let mut i = 0;
    while i < sorted.len() {
        let mut j = i;
        while j + 1 < sorted.len() && sorted[j + 1].0 == sorted[j].0 + 1 {
            j += 1;
        }
        if j >= i + 2 {
            parts.push(format!("{}–{}", sorted[i].1, sorted[j].1));
        } else {
            parts.extend(sorted[i..=j].iter().map(|(_, code)| code.clone()));
        }
        i = j + 1;
    }
    match parts.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
    }
}

/// "question 4" or "questions 1–3 and 7", for `noun` "question".
pub fn numbered(noun: &str, numbers: &[u32]) -> String {
    let plural = if numbers.len() == 1 { "" } else { "s" };
    format!("{noun}{plural} {}", number_list(numbers))
}

/// "question 4", "outcomes A1.a–A1.c and B2.b": the checklist's own noun and codes.
pub fn coded(words: &super::model::Wording, items: &[(u32, String)]) -> String {
    let noun = if items.len() == 1 {
        &words.question
    } else {
        &words.questions
    };
    format!("{noun} {}", code_list(items))
}

/// "1 question" or "39 questions".
pub fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_of_three_or_more_become_ranges() {
        // One line replaces the same empty section under each of these questions, so the
        // reader must be able to find every one of them in it.
        assert_eq!(number_list(&[]), "");
        assert_eq!(number_list(&[4]), "4");
        assert_eq!(number_list(&[3, 1]), "1 and 3");
        assert_eq!(
            number_list(&[1, 2, 3, 5, 8, 9, 10, 11, 12]),
            "1–3, 5 and 8–12"
        );
        assert_eq!(number_list(&[1, 2, 4, 5]), "1, 2, 4 and 5");
        assert_eq!(numbered("question", &[7]), "question 7");
        assert_eq!(numbered("question", &[1, 2, 3]), "questions 1–3");
    }
}
