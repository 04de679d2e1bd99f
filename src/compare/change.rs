//! Turning two levels (or two overall scores) into a [`Change`] with its words, and counting
//! changes between two columns. Kept apart from the matching so the wording has one home:
//! the compare screen, the CLI and the PDF all say "up 1 level" the same way.

use super::model::{Change, ChangeCounts, Direction, QuestionRow};

/// The change between two question levels.
pub fn level_change(before: u8, after: u8) -> Change {
    let difference = i32::from(after) - i32::from(before);
    let size = difference.unsigned_abs();
    let levels = if size == 1 { "level" } else { "levels" };
    let (direction, text) = match difference.signum() {
        1 => (Direction::Improved, format!("up {size} {levels}")),
        -1 => (Direction::Fell, format!("down {size} {levels}")),
        _ => (Direction::Held, "no change".to_string()),
    };
    change(direction, f64::from(difference), text)
}

/// The change between two overall scores (mean levels). Movements under 0.05 are "no
/// change", because the score is shown to one decimal place and a reader would otherwise see
/// "up" next to two equal numbers.
pub fn score_change(before: f64, after: f64) -> Change {
    let difference = after - before;
    let shown = format!("{:.1}", difference.abs());
    let (direction, text) = if difference >= 0.05 {
        (Direction::Improved, format!("up {shown}"))
    } else if difference <= -0.05 {
        (Direction::Fell, format!("down {shown}"))
    } else {
        (Direction::Held, "no change".to_string())
    };
    change(direction, difference, text)
}

fn change(direction: Direction, difference: f64, text: String) -> Change {
    Change {
        direction,
        difference,
        text,
        symbol: symbol(direction).to_string(),
    }
}

pub fn symbol(direction: Direction) -> &'static str {
    match direction {
        Direction::Improved => "↑",
        Direction::Held => "→",
        Direction::Fell => "↓",
    }
}

/// Counts the changes recorded in column `column` of `rows`.
pub fn counts(rows: &[QuestionRow], column: usize, from: &str, to: &str) -> ChangeCounts {
    let mut counts = ChangeCounts {
        from_period: from.to_string(),
        to_period: to.to_string(),
        improved: 0,
        unchanged: 0,
        declined: 0,
        not_comparable: 0,
    };
    for cell in rows.iter().filter_map(|r| r.cells.get(column)) {
        match cell.change.as_ref().map(|c| c.direction) {
            Some(Direction::Improved) => counts.improved += 1,
            Some(Direction::Held) => counts.unchanged += 1,
            Some(Direction::Fell) => counts.declined += 1,
            None => counts.not_comparable += 1,
        }
    }
    counts
}

/// "3 questions improved, 4 held and none fell" (plus any that cannot be compared).
pub fn counts_sentence(counts: &ChangeCounts, words: &crate::checklist::Wording) -> String {
    let mut text = format!(
        "{} improved, {} held and {} fell",
        questions(counts.improved, words),
        count_word(counts.unchanged),
        count_word(counts.declined)
    );
    if counts.not_comparable > 0 {
        text.push_str(&format!(
            "; {} could not be compared because a level is missing on one side",
            count_word(counts.not_comparable)
        ));
    }
    text
}

fn questions(n: u32, words: &crate::checklist::Wording) -> String {
    match n {
        0 => format!("no {}", words.questions),
        1 => format!("1 {}", words.question),
        n => format!("{n} {}", words.questions),
    }
}

fn count_word(n: u32) -> String {
    if n == 0 {
        "none".to_string()
    } else {
        n.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changes_are_worded_for_people() {
        // These words appear on screen and in the PDF beside the symbol, so a reader never
        // depends on colour or on reading an arrow.
        assert_eq!(level_change(1, 2).text, "up 1 level");
        assert_eq!(level_change(3, 1).text, "down 2 levels");
        assert_eq!(level_change(2, 2).text, "no change");
        assert_eq!(level_change(2, 2).symbol, "→");
        assert_eq!(score_change(1.3, 1.6).text, "up 0.3");
        assert_eq!(score_change(1.62, 1.6).direction, Direction::Held);
    }
}
