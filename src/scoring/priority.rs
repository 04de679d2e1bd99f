//! The order in which recommendations are presented: the biggest gap between where a council
//! is and where it wants to be comes first, then the question the checklist weights most, then
//! checklist order so the result is stable. Kept over plain inputs so it can be tested on its own.

/// What the ordering needs to know about one question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PriorityInput {
    /// Position in the checklist (1-based); the final tie-break.
    pub number: u32,
    /// None when not assessed.
    pub current: Option<u8>,
    /// None when no target has been set.
    pub target: Option<u8>,
    pub weight: u32,
}

/// How far a question is below its target. A question not yet assessed counts as level 0:
/// with no evidence of practice it should not drop to the bottom of the list. A question with
/// no target, or at or above it, has no gap.
pub fn gap(current: Option<u8>, target: Option<u8>) -> u8 {
    match target {
        Some(target) => target.saturating_sub(current.unwrap_or(0)),
        None => 0,
    }
}

/// Indices into `items`, highest priority first: gap descending, then weight descending, then
/// question number ascending.
pub fn priority_order(items: &[PriorityInput]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..items.len()).collect();
    order.sort_by(|&a, &b| {
        let (a, b) = (&items[a], &items[b]);
        gap(b.current, b.target)
            .cmp(&gap(a.current, a.target))
            .then(b.weight.cmp(&a.weight))
            .then(a.number.cmp(&b.number))
    });
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(number: u32, current: Option<u8>, target: Option<u8>, weight: u32) -> PriorityInput {
        PriorityInput {
            number,
            current,
            target,
            weight,
        }
    }

    #[test]
    fn bigger_gap_comes_first_whatever_the_weight() {
        // The gap is the headline of the rule: a heavily weighted question close to target
        // must not outrank a light one far from it.
        let items = [item(1, Some(3), Some(4), 5), item(2, Some(0), Some(3), 1)];
        assert_eq!(priority_order(&items), vec![1, 0]);
    }

    #[test]
    fn equal_gaps_are_ordered_by_weight_then_checklist_order() {
        // Ties must resolve the same way every time, or the report and the summary screen
        // could list recommendations differently.
        let items = [
            item(1, Some(1), Some(3), 1),
            item(2, Some(2), Some(4), 2),
            item(3, Some(0), Some(2), 1),
        ];
        assert_eq!(priority_order(&items), vec![1, 0, 2]);
    }

    #[test]
    fn not_assessed_counts_as_level_zero_and_no_target_as_no_gap() {
        // An unassessed question is a risk, not a non-issue; a question without a target has
        // nothing to close.
        assert_eq!(gap(None, Some(3)), 3);
        assert_eq!(gap(Some(2), None), 0);
        assert_eq!(
            gap(Some(4), Some(3)),
            0,
            "above target is no gap, not an underflow"
        );
        let items = [item(1, Some(2), None, 9), item(2, None, Some(2), 1)];
        assert_eq!(priority_order(&items), vec![1, 0]);
    }

    #[test]
    fn empty_input_gives_empty_order() {
        assert!(priority_order(&[]).is_empty());
    }
}
