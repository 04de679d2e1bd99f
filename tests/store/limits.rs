//! Limits and input rules: clear errors instead of truncation, and nothing stored when input
//! is refused.

use yardstick::store::answers::{self, AnswerInput};
use yardstick::store::validate::{self, MAX_ATTACHMENT_BYTES, MAX_TEXT_CHARS};
use yardstick::store::{evidence, load_assessment};
use yardstick::ErrorKind;

use crate::common::{assessment, new_db, PROMOTION};

#[test]
fn text_over_fifty_thousand_characters_is_refused_not_truncated() {
    let db = new_db();
    let a = assessment(&db.conn, "Testshire", "2026/27");
    // Characters, not bytes: a rationale in Welsh or with curly quotes gets the same room.
    let at_limit = "é".repeat(MAX_TEXT_CHARS);
    let input = AnswerInput {
        rationale: at_limit.clone(),
        ..AnswerInput::default()
    };
    answers::save_answer(&db.conn, a.id, PROMOTION, &input).expect("exactly the limit is accepted");

    let over = AnswerInput {
        rationale: format!("{at_limit}x"),
        ..AnswerInput::default()
    };
    let error = answers::save_answer(&db.conn, a.id, PROMOTION, &over).unwrap_err();
    assert_eq!(error.kind(), ErrorKind::InvalidInput);
    assert!(
        error.to_string().contains("50000"),
        "the message gives the limit so the user can act: {error}"
    );
    let stored = answers::get_answer(&db.conn, a.id, PROMOTION)
        .unwrap()
        .unwrap();
    // Silently cutting text would lose the user's words.
    assert_eq!(
        stored.rationale, at_limit,
        "a refused save leaves the previous text intact"
    );

    let long_note = "n".repeat(MAX_TEXT_CHARS + 1);
    assert_eq!(
        evidence::add_note(&db.conn, a.id, PROMOTION, &long_note)
            .unwrap_err()
            .kind(),
        ErrorKind::InvalidInput
    );
}

#[test]
fn attachments_over_one_hundred_mebibytes_are_refused_and_nothing_is_stored() {
    let db = new_db();
    let a = assessment(&db.conn, "Testshire", "2026/27");
    let big = db.dir.path().join("huge-scan.pdf");
    // A sparse file: the size is real to the filesystem without writing 100 MiB.
    std::fs::File::create(&big)
        .unwrap()
        .set_len(MAX_ATTACHMENT_BYTES + 1)
        .unwrap();
    let error = evidence::add_file(&db.conn, a.id, PROMOTION, &big, "").unwrap_err();
    assert_eq!(error.kind(), ErrorKind::InvalidInput);
    assert!(
        error.to_string().contains("100 MiB"),
        "the message states the limit: {error}"
    );
    assert!(
        load_assessment(&db.conn, a.id).unwrap().evidence.is_empty(),
        "no evidence row for a refused file"
    );
    let evidence_dir = db.dir.path().join("evidence");
    let leftovers = std::fs::read_dir(&evidence_dir)
        .map(|d| d.count())
        .unwrap_or(0);
    assert_eq!(
        leftovers, 0,
        "no partial copy is left behind to fill the disk"
    );
}

#[test]
fn periods_must_be_consecutive_financial_years() {
    // The period is the x-axis of every comparison; a typo would split a council's history.
    assert_eq!(validate::period("2026/27").unwrap(), 2026);
    assert_eq!(
        validate::period("1999/00").unwrap(),
        1999,
        "the century rolls over"
    );
    for bad in [
        "2026/28",
        "2026-27",
        "26/27",
        "2026/2027",
        "2026/7",
        "abcd/ef",
        "",
        "2026/27x",
    ] {
        let error = validate::period(bad).unwrap_err();
        assert_eq!(
            error.kind(),
            ErrorKind::InvalidInput,
            "{bad:?} must be refused"
        );
    }
    assert!(
        validate::period("2026/28")
            .unwrap_err()
            .to_string()
            .contains("2026/27"),
        "the message suggests the right label"
    );
}

#[test]
fn only_http_and_https_links_are_stored() {
    let db = new_db();
    let a = assessment(&db.conn, "Testshire", "2026/27");
    evidence::add_link(&db.conn, a.id, PROMOTION, "https://example.org/report", "")
        .expect("https is fine");
    evidence::add_link(&db.conn, a.id, PROMOTION, "HTTP://example.org/x", "")
        .expect("the scheme is case-insensitive");
    // Links open in the system browser; any other scheme could run something locally.
    for bad in [
        "javascript:alert(1)",
        "file:///etc/passwd",
        "ftp://example.org",
        "https://",
        "example.org",
        "https://exa mple.org",
    ] {
        let error = evidence::add_link(&db.conn, a.id, PROMOTION, bad, "").unwrap_err();
        assert_eq!(
            error.kind(),
            ErrorKind::InvalidInput,
            "{bad:?} must be refused"
        );
    }
}

#[test]
fn due_dates_must_be_real_dates() {
    assert_eq!(validate::due_date("2027-03-31").unwrap(), "2027-03-31");
    // A due date the report cannot sort or show would hide when an action is late.
    for bad in ["2027-02-30", "31/03/2027", "2027-3-31", "soon"] {
        assert_eq!(
            validate::due_date(bad).unwrap_err().kind(),
            ErrorKind::InvalidInput,
            "{bad:?} must be refused"
        );
    }
}
