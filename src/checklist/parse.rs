//! Reading a checklist file into the typed model. This step checks the shape of the file —
//! valid TOML, known keys, the right type for each value, nothing required left out or blank —
//! and remembers where each value sits so the rules in `validate` can point at it.

use toml::de::{DeTable, DeValue};
use toml::Spanned;

use super::model::{
    Checklist, Group, Level, Profile, ProfileTarget, Provenance, Question, Recommendation,
    ResultRule, Scale, Source, Wording,
};
use super::problem::Collector;
use super::reader::{describe, Span, TableReader};

/// The keys of a format-1 file's top level.
const FORMAT_1_ROOT_KEYS: &[&str] = &[
    "id",
    "version",
    "title",
    "summary",
    "source",
    "levels",
    "questions",
    "overall_recommendation",
];
/// The keys of the top level in either format. Those only format 2 has are refused in a
/// format-1 file with a message that says how to switch, not as unknown keys.
const ROOT_KEYS: &[&str] = &[
    "format",
    "id",
    "version",
    "title",
    "summary",
    "results",
    "not_applicable",
    "source",
    "wording",
    "levels",
    "scales",
    "groups",
    "questions",
    "profiles",
    "overall_recommendation",
];
const FORMAT_2_ROOT_KEYS: &[&str] = &[
    "results",
    "not_applicable",
    "wording",
    "scales",
    "groups",
    "profiles",
];
const SOURCE_KEYS: &[&str] = &["title", "author", "date", "url", "notes"];
const LEVEL_KEYS: &[&str] = &["level", "label", "meaning", "colour"];
const SCALE_KEYS: &[&str] = &["id", "title", "levels"];
const GROUP_KEYS: &[&str] = &["id", "code", "title", "summary", "parent"];
const PROFILE_KEYS: &[&str] = &["id", "title", "summary", "targets"];
const WORDING_KEYS: &[&str] = &["assessment", "question", "questions"];
const FORMAT_1_QUESTION_KEYS: &[&str] = &[
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
const QUESTION_KEYS: &[&str] = &[
    "id",
    "number",
    "code",
    "group",
    "scale",
    "not_applicable",
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
const FORMAT_2_QUESTION_KEYS: &[&str] = &["code", "group", "scale", "not_applicable"];
const RECOMMENDATION_KEYS: &[&str] = &["title", "text"];
const PROVENANCES: &[(&str, Provenance)] = &[
    ("published", Provenance::Published),
    ("partly-published", Provenance::PartlyPublished),
    ("reconstructed", Provenance::Reconstructed),
];
const RESULT_RULES: &[(&str, ResultRule)] = &[
    ("average", ResultRule::Average),
    ("counts", ResultRule::Counts),
    ("worst", ResultRule::Worst),
];

/// The id a format-1 file's one scale is given.
pub const FORMAT_1_SCALE_ID: &str = "maturity";

/// Where the values that later rules check were written, by byte offset.
pub(crate) struct Spans {
    pub(crate) id: Span,
    pub(crate) version: Span,
    pub(crate) results: Span,
    pub(crate) scales: Vec<ScaleSpans>,
    pub(crate) groups: Vec<GroupSpans>,
    pub(crate) questions: Vec<QuestionSpans>,
    pub(crate) profiles: Vec<ProfileSpans>,
}

pub(crate) struct ScaleSpans {
    pub(crate) id: Span,
    /// Where the scale's levels start, for problems with the scale as a whole.
    pub(crate) levels_at: Span,
    pub(crate) levels: Vec<LevelSpans>,
}

pub(crate) struct LevelSpans {
    pub(crate) level: Span,
    pub(crate) label: Span,
    pub(crate) colour: Span,
}

pub(crate) struct GroupSpans {
    pub(crate) id: Span,
    pub(crate) code: Span,
    pub(crate) parent: Span,
}

pub(crate) struct QuestionSpans {
    pub(crate) id: Span,
    pub(crate) number: Span,
    pub(crate) code: Span,
    pub(crate) group: Span,
    pub(crate) scale: Span,
    pub(crate) descriptors: Span,
    pub(crate) replaces: Vec<Span>,
}

pub(crate) struct ProfileSpans {
    pub(crate) id: Span,
    /// Each target as written, before it is checked against the question's scale.
    written: Vec<WrittenTarget>,
}

struct WrittenTarget {
    question_id: String,
    key: Span,
    value: TargetValue,
    at: Span,
}

/// A target as the file gives it: a level number or a level's label.
enum TargetValue {
    Number(u8),
    Label(String),
    Invalid,
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
    let format = read_format(root, out);
    check_root_keys(root, format, out);
    let (id, id_span) = root.text(out, "id");
    let (version, version_span) = root.text(out, "version");
    let (title, _) = root.text(out, "title");
    let (summary, _) = root.text(out, "summary");
    let source = read_source(root.table(out, "source", "[source]", SOURCE_KEYS), out);
    let (results, results_span) = read_results(root, format, out);
    let not_applicable = match format {
        2 => root.boolean(out, "not_applicable").unwrap_or(false),
        _ => false,
    };
    let wording = match format {
        2 => read_wording(
            root.optional_table(out, "wording", "[wording]", WORDING_KEYS),
            out,
        ),
        _ => Wording::default(),
    };
    let (scales, scale_spans) = read_scales(root, format, out);
    let (groups, group_spans): (Vec<_>, Vec<_>) = match format {
        2 => root
            .optional_tables(out, "groups", "[[groups]]", GROUP_KEYS)
            .iter()
            .map(|t| read_group(t, out))
            .unzip(),
        _ => (Vec::new(), Vec::new()),
    };
    let defaults = QuestionDefaults {
        format,
        not_applicable,
        only_scale: (scales.len() == 1).then(|| scales[0].id.clone()),
    };
    let (questions, question_spans): (Vec<_>, Vec<_>) = root
        .tables(out, "questions", "[[questions]]", QUESTION_KEYS)
        .iter()
        .enumerate()
        .map(|(index, t)| read_question(t, index, &defaults, out))
        .unzip();
    let (mut profiles, profile_spans): (Vec<_>, Vec<_>) = match format {
        2 => root
            .optional_tables(out, "profiles", "[[profiles]]", PROFILE_KEYS)
            .iter()
            .map(|t| read_profile(t, out))
            .unzip(),
        _ => (Vec::new(), Vec::new()),
    };
    for (profile, spans) in profiles.iter_mut().zip(&profile_spans) {
        profile.targets = resolve_targets(&spans.written, &scales, &questions, out);
    }
    let overall = root.table(
        out,
        "overall_recommendation",
        "[overall_recommendation]",
        RECOMMENDATION_KEYS,
    );
    let checklist = Checklist {
        format,
        id,
        version,
        title,
        summary,
        source,
        scales,
        groups,
        questions,
        results,
        profiles,
        wording,
        overall_recommendation: read_recommendation(overall, out),
    };
    let spans = Spans {
        id: id_span,
        version: version_span,
        results: results_span,
        scales: scale_spans,
        groups: group_spans,
        questions: question_spans,
        profiles: profile_spans,
    };
    (checklist, spans)
}

/// `format = 2`, or 1 when the key is absent (every file written before format 2 existed).
fn read_format(root: &TableReader, out: &mut Collector) -> u8 {
    match root.raw("format") {
        None => 1,
        Some(_) => match root.integer(out, "format", None, 1..=2) {
            (Some(2), _) => 2,
            (Some(_), _) => 1,
            // Already reported; reading on as format 2 reports the rest of the file most usefully.
            (None, _) => 2,
        },
    }
}

/// Unknown keys get "did you mean"; format-2 keys in a format-1 file say how to switch, and
/// a format-2 file says where its scale goes.
fn check_root_keys(root: &TableReader, format: u8, out: &mut Collector) {
    match format {
        1 => root
            .with_allowed(FORMAT_1_ROOT_KEYS)
            .check_keys_except(out, FORMAT_2_ROOT_KEYS),
        _ => root.check_keys_except(out, &["levels"]),
    }
    for (key, span) in root.keys() {
        if format == 1 && FORMAT_2_ROOT_KEYS.contains(&key) {
            out.at(
                &span,
                format!("`{key}` is part of checklist format 2; add the line `format = 2` at the top of the file to use it"),
            );
        }
        if format == 2 && key == "levels" {
            out.at(
                &span,
                "a format-2 checklist puts its levels in a named scale: write `[[scales]]` with an `id` and a `title`, then its levels as `[[scales.levels]]`",
            );
        }
    }
}

fn read_results(root: &TableReader, format: u8, out: &mut Collector) -> (ResultRule, Span) {
    if format == 1 {
        return (ResultRule::Average, root.span.clone());
    }
    let Some((text, span)) = root.optional_text(out, "results") else {
        return (ResultRule::Average, root.span.clone());
    };
    if let Some((_, rule)) = RESULT_RULES.iter().find(|(name, _)| *name == text) {
        return (*rule, span);
    }
    if !text.is_empty() {
        out.at(
            &span,
            format!("`results` is \"{text}\", but it must be \"average\" (the mean level), \"counts\" (how many at each level, against targets) or \"worst\" (the lowest rating governs)"),
        );
    }
    (ResultRule::Average, span)
}

fn read_wording(table: Option<TableReader>, out: &mut Collector) -> Wording {
    let mut wording = Wording::default();
    let Some(t) = table else {
        return wording;
    };
    t.check_keys(out);
    if let Some((text, _)) = t.optional_text(out, "assessment") {
        wording.assessment = text;
    }
    if let Some((text, _)) = t.optional_text(out, "question") {
        wording.question = text;
    }
    if let Some((text, _)) = t.optional_text(out, "questions") {
        wording.questions = text;
    }
    wording
}

/// Format 1's `[[levels]]` become one scale; format 2 names each of its `[[scales]]`.
fn read_scales(
    root: &TableReader,
    format: u8,
    out: &mut Collector,
) -> (Vec<Scale>, Vec<ScaleSpans>) {
    if format == 1 {
        let levels_at = root.raw("levels").map_or(root.span.clone(), Spanned::span);
        let (levels, level_spans) = read_levels(
            root.tables(out, "levels", "[[levels]]", LEVEL_KEYS),
            format,
            out,
        );
        let scale = Scale {
            id: FORMAT_1_SCALE_ID.into(),
            title: "Maturity".into(),
            levels,
        };
        let spans = ScaleSpans {
            id: root.span.clone(),
            levels_at,
            levels: level_spans,
        };
        return (vec![scale], vec![spans]);
    }
    root.tables(out, "scales", "[[scales]]", SCALE_KEYS)
        .iter()
        .map(|t| {
            t.check_keys(out);
            let (id, id_span) = t.text(out, "id");
            let (title, _) = t.text(out, "title");
            let levels_at = t.raw("levels").map_or(t.span.clone(), Spanned::span);
            let (levels, level_spans) = read_levels(
                t.tables(out, "levels", "[[scales.levels]]", LEVEL_KEYS),
                format,
                out,
            );
            let spans = ScaleSpans {
                id: id_span,
                levels_at,
                levels: level_spans,
            };
            (Scale { id, title, levels }, spans)
        })
        .unzip()
}

fn read_levels(
    tables: Vec<TableReader>,
    format: u8,
    out: &mut Collector,
) -> (Vec<Level>, Vec<LevelSpans>) {
    tables.iter().map(|t| read_level(t, format, out)).unzip()
}

fn read_level(t: &TableReader, format: u8, out: &mut Collector) -> (Level, LevelSpans) {
    t.check_keys(out);
    let (level, level_span) = t.integer(out, "level", None, 0..=6);
    let (label, label_span) = t.text(out, "label");
    let (colour, colour_span) = match t.optional_text(out, "colour") {
        Some((_, span)) if format == 1 => {
            out.at(&span, "`colour` is part of checklist format 2; add the line `format = 2` at the top of the file to use it");
            (None, span)
        }
        Some((text, span)) => (Some(text), span),
        None => (None, t.span.clone()),
    };
    let level = Level {
        // Out-of-range numbers were reported above; u8::MAX keeps the contiguity rule quiet
        // about a level that has already been reported.
        level: level.and_then(|n| u8::try_from(n).ok()).unwrap_or(u8::MAX),
        label,
        meaning: t.text(out, "meaning").0,
        colour,
    };
    let spans = LevelSpans {
        level: level_span,
        label: label_span,
        colour: colour_span,
    };
    (level, spans)
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

fn read_group(t: &TableReader, out: &mut Collector) -> (Group, GroupSpans) {
    t.check_keys(out);
    let (id, id_span) = t.text(out, "id");
    let (code, code_span) = t.text(out, "code");
    let (parent, parent_span) = match t.optional_text(out, "parent") {
        Some((text, span)) => (Some(text), span),
        None => (None, t.span.clone()),
    };
    let group = Group {
        id,
        code,
        title: t.text(out, "title").0,
        summary: t
            .optional_text(out, "summary")
            .map(|(s, _)| s)
            .unwrap_or_default(),
        parent,
    };
    let spans = GroupSpans {
        id: id_span,
        code: code_span,
        parent: parent_span,
    };
    (group, spans)
}

/// What a question takes from the checklist when it does not say.
struct QuestionDefaults {
    format: u8,
    not_applicable: bool,
    /// The scale every question is on when the file has just one.
    only_scale: Option<String>,
}

fn read_question(
    t: &TableReader,
    index: usize,
    defaults: &QuestionDefaults,
    out: &mut Collector,
) -> (Question, QuestionSpans) {
    if defaults.format == 1 {
        t.with_allowed(FORMAT_1_QUESTION_KEYS)
            .check_keys_except(out, FORMAT_2_QUESTION_KEYS);
    } else {
        t.check_keys(out);
    }
    if defaults.format == 1 {
        for (key, span) in t.keys() {
            if FORMAT_2_QUESTION_KEYS.contains(&key) {
                out.at(
                    &span,
                    format!("`{key}` is part of checklist format 2; add the line `format = 2` at the top of the file to use it"),
                );
            }
        }
    }
    let (id, id_span) = t.text(out, "id");
    // Format 2 numbers questions by their place in the file; a number written must agree.
    let position = index as u32 + 1;
    let (number, number_span) = match (defaults.format, t.raw("number")) {
        (2, None) => (Some(position), t.span.clone()),
        _ => t.integer(out, "number", None, 1..=999),
    };
    let number = number.unwrap_or(0);
    let (code, code_span) = match t.optional_text(out, "code") {
        Some((code, span)) if defaults.format == 2 => (code, span),
        _ => (number.to_string(), t.span.clone()),
    };
    let (group, group_span) = match t.optional_text(out, "group") {
        Some((group, span)) if defaults.format == 2 => (Some(group), span),
        _ => (None, t.span.clone()),
    };
    let (scale, scale_span) = match (t.optional_text(out, "scale"), &defaults.only_scale) {
        (Some((scale, span)), _) if defaults.format == 2 => (scale, span),
        (_, Some(only)) => (only.clone(), t.span.clone()),
        // Several scales and none named: the rule in `validate` says which to add.
        _ => (String::new(), t.span.clone()),
    };
    let not_applicable = match defaults.format {
        2 => t
            .boolean(out, "not_applicable")
            .unwrap_or(defaults.not_applicable),
        _ => false,
    };
    let (descriptors, indicators, descriptors_span) = read_descriptors(t, defaults.format, out);
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
        number,
        code,
        group,
        scale,
        title: t.text(out, "title").0,
        question: t.text(out, "question").0,
        why_it_matters: t.text(out, "why_it_matters").0,
        descriptors,
        indicators,
        not_applicable,
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
        code: code_span,
        group: group_span,
        scale: scale_span,
        descriptors: descriptors_span,
        replaces: replaces.iter().map(Spanned::span).collect(),
    };
    (question, spans)
}

/// The descriptors, one per level. In format 2 a descriptor may be a list of indicator
/// statements; its readable text is then the indicators joined into one sentence.
fn read_descriptors(
    t: &TableReader,
    format: u8,
    out: &mut Collector,
) -> (Vec<String>, Vec<Vec<String>>, Span) {
    let lists_allowed = format == 2
        && t.raw("descriptors")
            .and_then(|v| v.get_ref().as_array())
            .is_some_and(|items| items.iter().any(|i| i.get_ref().as_array().is_some()));
    if !lists_allowed {
        let (texts, span) = t.text_list(out, "descriptors", true);
        let count = texts.len();
        let texts = texts.into_iter().map(Spanned::into_inner).collect();
        return (texts, vec![Vec::new(); count], span);
    }
    let value = t.raw("descriptors").expect("checked above");
    let items = value.get_ref().as_array().expect("checked above");
    let mut descriptors = Vec::with_capacity(items.len());
    let mut indicators = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        match item.get_ref() {
            DeValue::String(text) => {
                if text.trim().is_empty() {
                    out.at(&item.span(), format!("descriptor {} in [[questions]] is empty; write the text or the list of indicators", i + 1));
                }
                descriptors.push(text.trim().to_owned());
                indicators.push(Vec::new());
            }
            DeValue::Array(list) => {
                let mut statements = Vec::with_capacity(list.len());
                for statement in list.iter() {
                    match statement.get_ref().as_str() {
                        Some(text) if !text.trim().is_empty() => statements.push(text.trim().to_owned()),
                        Some(_) => out.at(&statement.span(), format!("an indicator of descriptor {} in [[questions]] is empty; write it or remove it", i + 1)),
                        None => out.at(&statement.span(), format!("an indicator of descriptor {} in [[questions]] must be text in double quotes, but here it is {}", i + 1, describe(statement.get_ref()))),
                    }
                }
                if list.is_empty() {
                    out.at(&item.span(), format!("descriptor {} in [[questions]] is an empty list; write at least one indicator", i + 1));
                }
                descriptors.push(join_indicators(&statements));
                indicators.push(statements);
            }
            other => {
                out.at(&item.span(), format!("descriptor {} in [[questions]] must be text or a list of indicator statements, but here it is {}", i + 1, describe(other)));
                descriptors.push(String::new());
                indicators.push(Vec::new());
            }
        }
    }
    (descriptors, indicators, value.span())
}

/// "A; B; C." — the indicators as one readable descriptor for places that show one line.
fn join_indicators(statements: &[String]) -> String {
    let trimmed: Vec<&str> = statements
        .iter()
        .map(|s| s.trim_end_matches(['.', ';']))
        .collect();
    match trimmed.is_empty() {
        true => String::new(),
        false => format!("{}.", trimmed.join("; ")),
    }
}

fn read_profile(t: &TableReader, out: &mut Collector) -> (Profile, ProfileSpans) {
    t.check_keys(out);
    let (id, id_span) = t.text(out, "id");
    let (title, _) = t.text(out, "title");
    let summary = t
        .optional_text(out, "summary")
        .map(|(s, _)| s)
        .unwrap_or_default();
    let mut written = Vec::new();
    match t.raw("targets") {
        None => {
            out.at(&t.span, "[[profiles]] has no `targets`; add a `[profiles.targets]` table that gives each question's target, like `a1-a = \"Achieved\"`");
        }
        Some(value) => match value.get_ref().as_table() {
            Some(table) => {
                for (key, target) in table.iter() {
                    let value = match target.get_ref() {
                        DeValue::Integer(n) => i64::from_str_radix(n.as_str(), n.radix())
                            .ok()
                            .and_then(|n| u8::try_from(n).ok())
                            .map_or(TargetValue::Invalid, TargetValue::Number),
                        DeValue::String(label) => TargetValue::Label(label.trim().to_owned()),
                        _ => TargetValue::Invalid,
                    };
                    written.push(WrittenTarget {
                        question_id: key.get_ref().to_string(),
                        key: key.span(),
                        value,
                        at: target.span(),
                    });
                }
            }
            None => t.wrong_type(
                out,
                "targets",
                value,
                "a table of question ids and target levels, written as [profiles.targets]",
            ),
        },
    }
    // Levels are resolved against each question's scale in `validate`, once scales are known.
    let profile = Profile {
        id,
        title,
        summary,
        targets: Vec::<ProfileTarget>::new(),
    };
    let spans = ProfileSpans {
        id: id_span,
        written,
    };
    (profile, spans)
}

/// Each written target as a level of its question's scale, in question order. A label is
/// matched exactly; a number must be on the scale; an unknown question gets "did you mean".
fn resolve_targets(
    written: &[WrittenTarget],
    scales: &[Scale],
    questions: &[Question],
    out: &mut Collector,
) -> Vec<ProfileTarget> {
    let positions: std::collections::HashMap<&str, usize> = questions
        .iter()
        .enumerate()
        .map(|(i, q)| (q.id.as_str(), i))
        .collect();
    let mut targets: Vec<(usize, ProfileTarget)> = Vec::with_capacity(written.len());
    for target in written {
        let Some(&position) = positions.get(target.question_id.as_str()) else {
            let ids: Vec<&str> = questions.iter().map(|q| q.id.as_str()).collect();
            let hint = super::suggest::closest(&target.question_id, &ids)
                .map(|near| format!("; did you mean `{near}`?"))
                .unwrap_or_else(|| "; use the `id` of a question in this file".into());
            out.at(&target.key, format!("the profile gives a target for \"{}\", which is not a question in this checklist{hint}", crate::text::quoted(&target.question_id)));
            continue;
        };
        let question = &questions[position];
        let Some(scale) = scales.iter().find(|s| s.id == question.scale) else {
            continue; // An unknown scale is reported on the question itself.
        };
        let labels = || {
            scale
                .levels
                .iter()
                .map(|l| format!("\"{}\"", l.label))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let level = match &target.value {
            TargetValue::Number(n) if usize::from(*n) < scale.levels.len() => Some(*n),
            TargetValue::Label(label) => scale
                .levels
                .iter()
                .position(|l| l.label == *label)
                .map(|i| i as u8),
            _ => None,
        };
        match level {
            Some(level) => targets.push((
                position,
                ProfileTarget {
                    question_id: question.id.clone(),
                    level,
                },
            )),
            None => out.at(
                &target.at,
                format!(
                    "the target for \"{}\" is {}, which is not a level of its scale “{}”; write one of its labels ({}) or a level number from 0 to {}",
                    question.id,
                    out.source(&target.at),
                    scale.title,
                    labels(),
                    scale.levels.len().saturating_sub(1)
                ),
            ),
        }
    }
    targets.sort_by_key(|(position, _)| *position);
    targets.into_iter().map(|(_, t)| t).collect()
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
