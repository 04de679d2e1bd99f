//! Reading a checklist file into the typed model. This step checks the shape of the file —
//! valid TOML, known keys, the right type for each value, nothing required left out or blank —
//! and remembers where each value sits so the rules in `validate` can point at it.

use toml::de::DeTable;
use toml::Spanned;

use super::model::{Checklist, Level, Provenance, Question, Recommendation, Source};
use super::problem::Collector;
use super::reader::{Span, TableReader};

const ROOT_KEYS: &[&str] = &[
    "id",
    "version",
    "title",
    "summary",
    "source",
    "levels",
    "questions",
    "overall_recommendation",
];
const SOURCE_KEYS: &[&str] = &["title", "author", "date", "url", "notes"];
const LEVEL_KEYS: &[&str] = &["level", "label", "meaning"];
const QUESTION_KEYS: &[&str] = &[
    "id",
    "number",
    "title",
    "question",
    "why_it_matters",
    "descriptors",
    "evidence_prompts",
    "recommendation",
    "weight",
    "provenance",
    "replaces",
];
const RECOMMENDATION_KEYS: &[&str] = &["title", "text"];
const PROVENANCES: &[(&str, Provenance)] = &[
    ("published", Provenance::Published),
    ("partly-published", Provenance::PartlyPublished),
    ("reconstructed", Provenance::Reconstructed),
];

/// Where the values that later rules check were written, by byte offset.
pub(crate) struct Spans {
    pub(crate) root: Span,
    pub(crate) id: Span,
    pub(crate) version: Span,
    pub(crate) levels: Vec<LevelSpans>,
    pub(crate) questions: Vec<QuestionSpans>,
}

pub(crate) struct LevelSpans {
    pub(crate) level: Span,
    pub(crate) label: Span,
}

pub(crate) struct QuestionSpans {
    pub(crate) id: Span,
    pub(crate) number: Span,
    pub(crate) descriptors: Span,
    pub(crate) replaces: Vec<Span>,
}

/// Parses `text` as TOML and reads it into a [`Checklist`], recording every problem with the
/// file's shape in `out`. Returns `None` when the file is not valid TOML (every syntax error
/// is recorded); the checklist is complete only when `out` stays empty.
pub(crate) fn read(text: &str, out: &mut Collector) -> Option<(Checklist, Spans)> {
    let (document, errors) = DeTable::parse_recoverable(text);
    for error in &errors {
        let span = error.span().unwrap_or(0..0);
        let message = toml_error_message(error.message(), out.source(&span));
        out.at(&span, message);
    }
    // After a syntax error the parser's best guess at the rest of the file is unreliable, so
    // checking its shape would report problems that are not there.
    if !errors.is_empty() {
        return None;
    }
    let root = TableReader::new(
        document.get_ref(),
        0..0,
        "the top level of the file",
        ROOT_KEYS,
    );
    Some(read_root(&root, out))
}

/// Rewords the TOML parser's terse messages so they say what to do.
fn toml_error_message(message: &str, at: &str) -> String {
    if message.starts_with("duplicate key") {
        format!("`{at}` is written twice in the same table; keep one of them")
    } else {
        format!(
            "this is not valid TOML ({message}); check the quotes, brackets and `=` signs on this line"
        )
    }
}

fn read_root(root: &TableReader, out: &mut Collector) -> (Checklist, Spans) {
    root.check_keys(out);
    let (id, id_span) = root.text(out, "id");
    let (version, version_span) = root.text(out, "version");
    let (title, _) = root.text(out, "title");
    let (summary, _) = root.text(out, "summary");
    let source = read_source(root.table(out, "source", "[source]", SOURCE_KEYS), out);
    let (levels, level_spans): (Vec<_>, Vec<_>) = root
        .tables(out, "levels", "[[levels]]", LEVEL_KEYS)
        .iter()
        .map(|t| read_level(t, out))
        .unzip();
    let (questions, question_spans): (Vec<_>, Vec<_>) = root
        .tables(out, "questions", "[[questions]]", QUESTION_KEYS)
        .iter()
        .map(|t| read_question(t, out))
        .unzip();
    let overall = root.table(
        out,
        "overall_recommendation",
        "[overall_recommendation]",
        RECOMMENDATION_KEYS,
    );
    let checklist = Checklist {
        id,
        version,
        title,
        summary,
        source,
        levels,
        questions,
        overall_recommendation: read_recommendation(overall, out),
    };
    let spans = Spans {
        root: root.span.clone(),
        id: id_span,
        version: version_span,
        levels: level_spans,
        questions: question_spans,
    };
    (checklist, spans)
}

fn read_source(table: Option<TableReader>, out: &mut Collector) -> Source {
    let Some(t) = table else {
        return Source::default();
    };
    t.check_keys(out);
    Source {
        title: t.text(out, "title").0,
        author: t.text(out, "author").0,
        date: t.text(out, "date").0,
        url: t.text(out, "url").0,
        notes: t.text(out, "notes").0,
    }
}

fn read_level(t: &TableReader, out: &mut Collector) -> (Level, LevelSpans) {
    t.check_keys(out);
    let (level, level_span) = t.integer(out, "level", None, 0..=6);
    let (label, label_span) = t.text(out, "label");
    let level = Level {
        // Out-of-range numbers were reported above; u8::MAX keeps the contiguity rule quiet
        // about a level that has already been reported.
        level: level.and_then(|n| u8::try_from(n).ok()).unwrap_or(u8::MAX),
        label,
        meaning: t.text(out, "meaning").0,
    };
    let spans = LevelSpans {
        level: level_span,
        label: label_span,
    };
    (level, spans)
}

fn read_question(t: &TableReader, out: &mut Collector) -> (Question, QuestionSpans) {
    t.check_keys(out);
    let (id, id_span) = t.text(out, "id");
    let (number, number_span) = t.integer(out, "number", None, 1..=999);
    let (descriptors, descriptors_span) = t.text_list(out, "descriptors", true);
    let (evidence_prompts, _) = t.text_list(out, "evidence_prompts", true);
    let (replaces, _) = t.text_list(out, "replaces", false);
    let recommendation = t.table(
        out,
        "recommendation",
        "[questions.recommendation]",
        RECOMMENDATION_KEYS,
    );
    let question = Question {
        id,
        number: number.unwrap_or(0),
        title: t.text(out, "title").0,
        question: t.text(out, "question").0,
        why_it_matters: t.text(out, "why_it_matters").0,
        descriptors: descriptors.into_iter().map(Spanned::into_inner).collect(),
        evidence_prompts: evidence_prompts
            .into_iter()
            .map(Spanned::into_inner)
            .collect(),
        recommendation: read_recommendation(recommendation, out),
        weight: t.integer(out, "weight", Some(1), 1..=100).0.unwrap_or(1),
        provenance: read_provenance(t, out),
        replaces: replaces.iter().map(|r| r.get_ref().clone()).collect(),
    };
    let spans = QuestionSpans {
        id: id_span,
        number: number_span,
        descriptors: descriptors_span,
        replaces: replaces.iter().map(Spanned::span).collect(),
    };
    (question, spans)
}

fn read_provenance(t: &TableReader, out: &mut Collector) -> Provenance {
    let (text, span) = t.text(out, "provenance");
    if let Some((_, provenance)) = PROVENANCES.iter().find(|(name, _)| *name == text) {
        return *provenance;
    }
    if !text.is_empty() {
        out.at(
            &span,
            format!(
                "`provenance` is \"{text}\", but it must be \"published\", \"partly-published\" or \"reconstructed\""
            ),
        );
    }
    Provenance::Reconstructed
}

fn read_recommendation(table: Option<TableReader>, out: &mut Collector) -> Recommendation {
    let Some(t) = table else {
        return Recommendation::default();
    };
    t.check_keys(out);
    Recommendation {
        title: t.text(out, "title").0,
        text: t.text(out, "text").0,
    }
}
