//! The contribution workbook: an `.xlsx` a colleague without Yardstick fills in with Excel or
//! LibreOffice Calc. Sheet "Questions" has one row per question asked, the fixed columns
//! locked and the answer columns open, with drop-downs for the level, confidence and target.
//! A hidden, protected sheet "Yardstick" names the request, assessment and checklist and the
//! question of each row, so a returned workbook finds its request and a moved row is noticed.
//! No macros; every text cell passes through [`crate::text::formula_safe`].

use std::io::Cursor;

use calamine::{open_workbook_from_rs, Data, Range, Reader, Xlsx};
use rust_xlsxwriter::{
    DataValidation, Format, FormatAlign, Formula, ProtectionOptions, Workbook, Worksheet, XlsxError,
};

use super::{ContributedAnswer, ContributionRequest};
use crate::checklist::{Checklist, Question};
use crate::problems::Problems;
use crate::store::answers::Confidence;
use crate::store::assessments::Assessment;
use crate::store::validate;
use crate::text::{formula_safe, quoted};
use crate::{Error, Field, Result};

pub const QUESTIONS_SHEET: &str = "Questions";
pub const IDENTITY_SHEET: &str = "Yardstick";
const INSTRUCTIONS_SHEET: &str = "Instructions";
const LISTS_SHEET: &str = "Lists";
/// What the identity sheet's first cell says, and the workbook layout version beside it.
const IDENTITY_TITLE: &str = "Yardstick contribution workbook";
const LAYOUT_VERSION: &str = "1";
/// The level label that means "does not apply", offered where the question allows it.
pub const NOT_APPLICABLE: &str = "Not applicable";
/// Excel's own limit on a cell's text (openpyxl and Calc cut to it too); Yardstick's store
/// limit is higher, so a cell this full was probably cut.
const EXCEL_CELL_CHARS: usize = 32_767;

/// The columns of the Questions sheet, in order; the header row must read exactly these.
pub const COLUMNS: [&str; 13] = [
    "Code",
    "Title",
    "Question",
    "Why it matters",
    "Levels",
    "Your level",
    "If not applicable, why",
    "Rationale",
    "Confidence",
    "Target level",
    "Evidence notes",
    "Links (one per line)",
    "Question id",
];
const COL_CODE: u16 = 0;
const COL_TITLE: u16 = 1;
const COL_LEVEL: u16 = 5;
const COL_NOT_APPLICABLE: u16 = 6;
const COL_RATIONALE: u16 = 7;
const COL_CONFIDENCE: u16 = 8;
const COL_TARGET: u16 = 9;
const COL_EVIDENCE: u16 = 10;
const COL_LINKS: u16 = 11;
const COL_QUESTION_ID: u16 = 12;
const FIRST_ANSWER_COL: u16 = COL_LEVEL;
const LAST_ANSWER_COL: u16 = COL_LINKS;
const WIDTHS: [f64; 13] = [
    8.0, 22.0, 45.0, 40.0, 60.0, 18.0, 28.0, 50.0, 13.0, 18.0, 45.0, 40.0, 18.0,
];
const CONFIDENCES: [&str; 3] = ["low", "medium", "high"];

/// The identity sheet's rows before the per-row question list: label, value.
const IDENTITY_REQUEST: u32 = 1;
const IDENTITY_ASSESSMENT: u32 = 2;
const IDENTITY_CHECKLIST: u32 = 3;
const IDENTITY_VERSION: u32 = 4;
const IDENTITY_SHA256: u32 = 5;
const IDENTITY_COUNT: u32 = 6;
const IDENTITY_FIRST_QUESTION: u32 = 8;

fn xlsx_error(e: XlsxError) -> Error {
    Error::Internal(format!(
        "The contribution workbook could not be written: {e}"
    ))
}

/// The request as a workbook, ready to send.
pub fn write_workbook(
    request: &ContributionRequest,
    assessment: &Assessment,
    checklist: &Checklist,
) -> Result<Vec<u8>> {
    build(request, assessment, checklist).map_err(xlsx_error)
}

fn text(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    value: &str,
    format: &Format,
) -> Result<(), XlsxError> {
    let guarded = formula_safe(value);
    let limited: String = guarded.chars().take(EXCEL_CELL_CHARS).collect();
    sheet.write_string_with_format(row, col, limited, format)?;
    Ok(())
}

fn build(
    request: &ContributionRequest,
    assessment: &Assessment,
    checklist: &Checklist,
) -> Result<Vec<u8>, XlsxError> {
    let questions: Vec<&Question> = request
        .question_ids
        .iter()
        .filter_map(|id| checklist.question(id))
        .collect();
    let mut workbook = Workbook::new();
    let header = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Top)
        .set_background_color("#DDE5EE");
    let fixed = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    let open = Format::new()
        .set_text_wrap()
        .set_align(FormatAlign::Top)
        .set_unlocked()
        .set_background_color("#FFF8D6");
    let plain = Format::new().set_text_wrap().set_align(FormatAlign::Top);

    // Instructions first, so it is what opens.
    let instructions = workbook.add_worksheet();
    instructions.set_name(INSTRUCTIONS_SHEET)?;
    instructions.set_column_width(0, 100.0)?;
    let due = request
        .due_date
        .as_deref()
        .map(|d| format!("Please return it by {d}."))
        .unwrap_or_default();
    let lines = [
        format!("Contribution request for {}", request.contributor),
        format!(
            "{} asks for your answers to {} question{} of the {} {} ({} version {}). {due}",
            assessment.organisation,
            questions.len(),
            if questions.len() == 1 { "" } else { "s" },
            assessment.period,
            checklist.wording.assessment,
            checklist.title,
            checklist.version
        ),
        request.note.clone(),
        String::new(),
        "How to fill it in:".into(),
        "1. Open the Questions sheet. Each row is one question; read the question, why it matters and what each level looks like.".into(),
        "2. Choose Your level from the drop-down. If the question does not apply, choose \"Not applicable\" (where offered) and say why.".into(),
        "3. Write your rationale, choose your confidence and, if you have a view, a target level.".into(),
        "4. Add evidence notes and links (web links starting https://, one per line). Files cannot travel in the workbook: send them separately.".into(),
        "5. Only the yellow cells can be changed. Do not add, move or sort rows or columns, and do not type formulas.".into(),
        "6. Save as .xlsx and send the file back. Nothing changes in the assessment until the lead has reviewed your answers.".into(),
    ];
    for (row, line) in lines.iter().enumerate() {
        let format = if row == 0 { &header } else { &plain };
        text(instructions, row as u32, 0, line, format)?;
    }
    instructions.protect();
    instructions.set_active(true);

    // The lists the drop-downs draw on: one column per scale used, then the confidences.
    let mut scales: Vec<&str> = Vec::new();
    for question in &questions {
        if !scales.contains(&question.scale.as_str()) {
            scales.push(&question.scale);
        }
    }
    let lists = workbook.add_worksheet();
    lists.set_name(LISTS_SHEET)?;
    for (col, scale_id) in scales.iter().enumerate() {
        let scale = checklist
            .scales
            .iter()
            .find(|s| s.id == *scale_id)
            .expect("a question's scale is in its checklist");
        for level in &scale.levels {
            text(
                lists,
                u32::from(level.level),
                (col * 2) as u16,
                &level.label,
                &plain,
            )?;
            text(
                lists,
                u32::from(level.level),
                (col * 2 + 1) as u16,
                &level.label,
                &plain,
            )?;
        }
        // The second column adds "Not applicable" for the questions that allow it.
        text(
            lists,
            scale.levels.len() as u32,
            (col * 2 + 1) as u16,
            NOT_APPLICABLE,
            &plain,
        )?;
    }
    let confidence_col = (scales.len() * 2) as u16;
    for (row, confidence) in CONFIDENCES.iter().enumerate() {
        text(lists, row as u32, confidence_col, confidence, &plain)?;
    }
    lists.set_hidden(true);
    lists.protect();

    let sheet = workbook.add_worksheet();
    sheet.set_name(QUESTIONS_SHEET)?;
    for (col, (name, width)) in COLUMNS.iter().zip(WIDTHS).enumerate() {
        text(sheet, 0, col as u16, name, &header)?;
        sheet.set_column_width(col as u16, width)?;
    }
    sheet.set_freeze_panes(1, 2)?;
    for (index, question) in questions.iter().enumerate() {
        let row = index as u32 + 1;
        let levels = checklist.levels_of(question);
        let descriptors = levels
            .iter()
            .map(|level| {
                let descriptor = question
                    .descriptors
                    .get(usize::from(level.level))
                    .map(String::as_str)
                    .unwrap_or("");
                format!("{} – {}: {descriptor}", level.level, level.label)
            })
            .collect::<Vec<_>>()
            .join("\n");
        text(sheet, row, COL_CODE, &question.code, &fixed)?;
        text(sheet, row, COL_TITLE, &question.title, &fixed)?;
        text(sheet, row, 2, &question.question, &fixed)?;
        text(sheet, row, 3, &question.why_it_matters, &fixed)?;
        text(sheet, row, 4, &descriptors, &fixed)?;
        for col in FIRST_ANSWER_COL..=LAST_ANSWER_COL {
            sheet.write_blank(row, col, &open)?;
        }
        text(sheet, row, COL_QUESTION_ID, &question.id, &fixed)?;

        let scale_col = scales
            .iter()
            .position(|s| *s == question.scale)
            .unwrap_or(0)
            * 2;
        let letter = |col: usize| column_letter(col as u16);
        let count = levels.len();
        let level_list = if question.not_applicable {
            format!(
                "={LISTS_SHEET}!${0}$1:${0}${1}",
                letter(scale_col + 1),
                count + 1
            )
        } else {
            format!("={LISTS_SHEET}!${0}$1:${0}${1}", letter(scale_col), count)
        };
        let target_list = format!("={LISTS_SHEET}!${0}$1:${0}${1}", letter(scale_col), count);
        let confidence_list = format!(
            "={LISTS_SHEET}!${0}$1:${0}$3",
            letter(usize::from(confidence_col))
        );
        for (col, list, what) in [
            (COL_LEVEL, level_list, "a level from the list"),
            (COL_CONFIDENCE, confidence_list, "low, medium or high"),
            (COL_TARGET, target_list, "a target level from the list"),
        ] {
            let validation = DataValidation::new()
                .allow_list_formula(Formula::new(list))
                .ignore_blank(true)
                .set_error_title("Choose from the list")?
                .set_error_message(format!("Choose {what}; other text cannot be taken in."))?;
            sheet.add_data_validation(row, col, row, col, &validation)?;
        }
    }
    sheet.protect_with_options(&ProtectionOptions {
        select_locked_cells: true,
        select_unlocked_cells: true,
        format_columns: true,
        format_rows: true,
        ..ProtectionOptions::default()
    });

    let identity = workbook.add_worksheet();
    identity.set_name(IDENTITY_SHEET)?;
    text(identity, 0, 0, IDENTITY_TITLE, &plain)?;
    text(identity, 0, 1, LAYOUT_VERSION, &plain)?;
    let rows: [(u32, &str, String); 6] = [
        (IDENTITY_REQUEST, "request id", request.request_key.clone()),
        (
            IDENTITY_ASSESSMENT,
            "assessment id",
            request.assessment_id.to_string(),
        ),
        (
            IDENTITY_CHECKLIST,
            "checklist id",
            request.checklist_id.clone(),
        ),
        (
            IDENTITY_VERSION,
            "checklist version",
            request.checklist_version.clone(),
        ),
        (
            IDENTITY_SHA256,
            "checklist sha256",
            request.checklist_sha256.clone(),
        ),
        (IDENTITY_COUNT, "questions", questions.len().to_string()),
    ];
    for (row, label, value) in rows {
        text(identity, row, 0, label, &plain)?;
        text(identity, row, 1, &value, &plain)?;
    }
    text(
        identity,
        IDENTITY_FIRST_QUESTION - 1,
        0,
        "row on Questions",
        &plain,
    )?;
    text(
        identity,
        IDENTITY_FIRST_QUESTION - 1,
        1,
        "question id",
        &plain,
    )?;
    for (index, question) in questions.iter().enumerate() {
        let row = IDENTITY_FIRST_QUESTION + index as u32;
        text(identity, row, 0, &(index + 2).to_string(), &plain)?;
        text(identity, row, 1, &question.id, &plain)?;
    }
    identity.set_hidden(true);
    identity.protect();

    workbook.save_to_buffer()
}

/// `A`, `B`, … `Z`, `AA`: the spreadsheet name of a zero-based column.
pub fn column_letter(col: u16) -> String {
    let mut n = u32::from(col) + 1;
    let mut name = Vec::new();
    while n > 0 {
        let rem = ((n - 1) % 26) as u8;
        name.push(b'A' + rem);
        n = (n - 1) / 26;
    }
    name.reverse();
    String::from_utf8(name).unwrap_or_default()
}

/// What a returned workbook says about itself on its identity sheet.
pub(super) struct Identity {
    pub request_key: String,
    pub assessment_id: String,
    pub checklist_id: String,
    pub checklist_version: String,
    pub checklist_sha256: String,
    pub count: String,
    pub question_ids: Vec<String>,
}

/// An opened returned workbook: its identity and its Questions sheet (values and formulas).
pub(super) struct Returned {
    pub identity: Identity,
    questions: Range<Data>,
    formulas: Range<String>,
}

fn cell_text(range: &Range<Data>, row: u32, col: u16) -> std::result::Result<String, &'static str> {
    match range.get_value((row, u32::from(col))) {
        None | Some(Data::Empty) => Ok(String::new()),
        Some(Data::String(s)) => Ok(s.clone()),
        Some(Data::Int(i)) => Ok(i.to_string()),
        Some(Data::Float(f)) => Ok(f.to_string()),
        Some(Data::Bool(b)) => Ok(b.to_string()),
        Some(Data::DateTimeIso(s)) | Some(Data::DurationIso(s)) => Ok(s.clone()),
        Some(Data::DateTime(_)) => Err("holds a date, not text; type it as text"),
        Some(Data::Error(_)) => Err("holds a spreadsheet error value"),
    }
}

fn place(sheet: &str, row: u32, col: u16) -> String {
    match COLUMNS
        .get(usize::from(col))
        .filter(|_| sheet == QUESTIONS_SHEET)
    {
        Some(name) => format!(
            "sheet {sheet}, row {}, column {} ({name})",
            row + 1,
            column_letter(col)
        ),
        None => format!(
            "sheet {sheet}, row {}, column {}",
            row + 1,
            column_letter(col)
        ),
    }
}

/// Opens a returned workbook and reads its identity sheet; a file that is not a contribution
/// workbook at all is one clear error.
pub(super) fn open(bytes: &[u8], file: &str) -> Result<Returned> {
    let not_ours = |why: String| {
        Error::invalid(
            Field::File,
            format!("{file} is not a Yardstick contribution workbook: {why}. Import the workbook Yardstick wrote for the request, filled in and saved as .xlsx."),
        )
    };
    let mut workbook: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes))
        .map_err(|e| not_ours(format!("it cannot be read as an .xlsx file ({e})")))?;
    let identity = workbook
        .worksheet_range(IDENTITY_SHEET)
        .map_err(|_| not_ours(format!("it has no sheet named {IDENTITY_SHEET}")))?;
    let questions = workbook
        .worksheet_range(QUESTIONS_SHEET)
        .map_err(|_| not_ours(format!("it has no sheet named {QUESTIONS_SHEET}")))?;
    let formulas = workbook
        .worksheet_formula(QUESTIONS_SHEET)
        .map_err(|e| not_ours(format!("its formulas cannot be read ({e})")))?;
    let value = |row: u32| cell_text(&identity, row, 1).unwrap_or_default();
    if cell_text(&identity, 0, 0).unwrap_or_default() != IDENTITY_TITLE {
        return Err(not_ours(format!(
            "its {IDENTITY_SHEET} sheet does not start as Yardstick wrote it"
        )));
    }
    let mut question_ids = Vec::new();
    let end = identity.end().map(|(r, _)| r).unwrap_or(0);
    for row in IDENTITY_FIRST_QUESTION..=end.min(IDENTITY_FIRST_QUESTION + 1000) {
        question_ids.push(value(row));
    }
    while question_ids.last().is_some_and(String::is_empty) {
        question_ids.pop();
    }
    Ok(Returned {
        identity: Identity {
            request_key: value(IDENTITY_REQUEST),
            assessment_id: value(IDENTITY_ASSESSMENT),
            checklist_id: value(IDENTITY_CHECKLIST),
            checklist_version: value(IDENTITY_VERSION),
            checklist_sha256: value(IDENTITY_SHA256),
            count: value(IDENTITY_COUNT),
            question_ids,
        },
        questions,
        formulas,
    })
}

/// Checks the identity sheet against the request it names, recording what was altered.
pub(super) fn check_identity(
    identity: &Identity,
    request: &ContributionRequest,
    problems: &mut Problems,
) {
    let expected: [(u32, &str, String); 5] = [
        (
            IDENTITY_ASSESSMENT,
            &identity.assessment_id,
            request.assessment_id.to_string(),
        ),
        (
            IDENTITY_CHECKLIST,
            &identity.checklist_id,
            request.checklist_id.clone(),
        ),
        (
            IDENTITY_VERSION,
            &identity.checklist_version,
            request.checklist_version.clone(),
        ),
        (
            IDENTITY_SHA256,
            &identity.checklist_sha256,
            request.checklist_sha256.clone(),
        ),
        (
            IDENTITY_COUNT,
            &identity.count,
            request.question_ids.len().to_string(),
        ),
    ];
    for (row, found, wanted) in expected {
        if found != wanted {
            problems.add(
                place(IDENTITY_SHEET, row, 1),
                format!("the hidden sheet was altered: it reads \"{}\" where the request has \"{}\". Ask for a fresh workbook.", quoted(found), quoted(&wanted)),
            );
        }
    }
    if identity.question_ids != request.question_ids {
        let index = identity
            .question_ids
            .iter()
            .zip(&request.question_ids)
            .position(|(a, b)| a != b)
            .unwrap_or(identity.question_ids.len().min(request.question_ids.len()));
        problems.add(
            place(IDENTITY_SHEET, IDENTITY_FIRST_QUESTION + index as u32, 1),
            "the hidden sheet was altered: its list of questions is not the one asked. Ask for a fresh workbook.",
        );
    }
}

/// Reads every row of the Questions sheet as far as it is valid, recording each problem by
/// sheet, row and column.
pub(super) fn answers_of(
    returned: &Returned,
    request: &ContributionRequest,
    checklist: &Checklist,
    problems: &mut Problems,
) -> Vec<ContributedAnswer> {
    let sheet = &returned.questions;
    for (col, name) in COLUMNS.iter().enumerate() {
        let found = cell_text(sheet, 0, col as u16).unwrap_or_default();
        if found.trim() != *name {
            problems.add(
                place(QUESTIONS_SHEET, 0, col as u16),
                format!("the heading reads \"{}\" where it should be \"{name}\": columns were moved, added or removed. Put them back as they were, or ask for a fresh workbook.", quoted(&found)),
            );
        }
    }
    // A formula anywhere on the sheet: its value could change after it was checked.
    if let (Some(start), Some(_)) = (returned.formulas.start(), returned.formulas.end()) {
        for (r, c, formula) in returned.formulas.used_cells() {
            if !formula.is_empty() {
                let (row, col) = (start.0 + r as u32, start.1 + c as u32);
                problems.add(
                    place(QUESTIONS_SHEET, row, col as u16),
                    format!(
                        "holds a formula (={}); type the answer as text.",
                        quoted(formula)
                    ),
                );
            }
        }
    }
    let mut answers = Vec::new();
    let last_row = sheet.end().map(|(r, _)| r).unwrap_or(0);
    for (index, question_id) in request.question_ids.iter().enumerate() {
        let row = index as u32 + 1;
        let Some(question) = checklist.question(question_id) else {
            continue;
        };
        let mut read = |col: u16| match cell_text(sheet, row, col) {
            Ok(value) => Some(value),
            Err(why) => {
                problems.add(place(QUESTIONS_SHEET, row, col), why);
                None
            }
        };
        let id_cell = read(COL_QUESTION_ID).unwrap_or_default();
        let code = read(COL_CODE).unwrap_or_default();
        let title = read(COL_TITLE).unwrap_or_default();
        if id_cell != question.id
            || code != formula_safe(&question.code)
            || title != formula_safe(&question.title)
        {
            problems.add(
                place(QUESTIONS_SHEET, row, COL_CODE),
                format!("this row should be {} {} (question id {}): rows were moved, sorted or edited. Put them back in the order they came, or ask for a fresh workbook.", question.code, quoted(&question.title), question.id),
            );
            continue;
        }
        let cells: Vec<Option<String>> = (FIRST_ANSWER_COL..=LAST_ANSWER_COL)
            .map(&mut read)
            .collect();
        let cell = |col: u16| {
            cells[usize::from(col - FIRST_ANSWER_COL)]
                .clone()
                .unwrap_or_default()
        };
        let too_long = |col: u16, field: Field, problems: &mut Problems| {
            let value = cell(col);
            if let Err(e) = validate::text(field, &value) {
                problems.add(place(QUESTIONS_SHEET, row, col), e);
            } else if value.chars().count() >= EXCEL_CELL_CHARS {
                // Spreadsheets cut longer text to this length without saying so.
                problems.add(place(QUESTIONS_SHEET, row, col), format!("the text fills a spreadsheet cell's limit of {EXCEL_CELL_CHARS} characters, so its end was probably cut off. Shorten it, or send the full text as a file."));
            }
        };
        too_long(COL_RATIONALE, Field::Rationale, problems);
        too_long(COL_NOT_APPLICABLE, Field::NotApplicableReason, problems);
        too_long(COL_EVIDENCE, Field::Note, problems);
        too_long(COL_LINKS, Field::Note, problems);

        let levels = checklist.levels_of(question);
        let labels = levels
            .iter()
            .map(|l| l.label.as_str())
            .collect::<Vec<_>>()
            .join(", ");
        let by_label = |value: &str| {
            levels
                .iter()
                .find(|l| l.label.trim().eq_ignore_ascii_case(value.trim()))
                .map(|l| l.level)
        };
        let level_text = cell(COL_LEVEL);
        let reason = cell(COL_NOT_APPLICABLE).trim().to_string();
        let mut level = None;
        let mut not_applicable = None;
        if level_text.trim().eq_ignore_ascii_case(NOT_APPLICABLE) && question.not_applicable {
            if reason.is_empty() {
                problems.add(
                    place(QUESTIONS_SHEET, row, COL_NOT_APPLICABLE),
                    "the level is \"Not applicable\": say why the question does not apply.",
                );
            }
            not_applicable = Some(reason.clone());
        } else if !level_text.trim().is_empty() {
            level = by_label(&level_text);
            if level.is_none() {
                let allowed = if question.not_applicable {
                    format!("{labels} or {NOT_APPLICABLE}")
                } else {
                    labels.clone()
                };
                problems.add(
                    place(QUESTIONS_SHEET, row, COL_LEVEL),
                    format!(
                        "\"{}\" is not on the drop-down; choose one of {allowed}.",
                        quoted(&level_text)
                    ),
                );
            }
        }
        if not_applicable.is_none() && !reason.is_empty() {
            problems.add(place(QUESTIONS_SHEET, row, COL_NOT_APPLICABLE), format!("a reason is given but the level is not \"{NOT_APPLICABLE}\"; choose it, or clear the reason."));
        }
        let confidence_text = cell(COL_CONFIDENCE);
        let confidence = if confidence_text.trim().is_empty() {
            None
        } else {
            match Confidence::parse(&confidence_text) {
                Ok(c) => Some(c),
                Err(_) => {
                    problems.add(
                        place(QUESTIONS_SHEET, row, COL_CONFIDENCE),
                        format!(
                            "\"{}\" is not on the drop-down; choose low, medium or high.",
                            quoted(&confidence_text)
                        ),
                    );
                    None
                }
            }
        };
        let target_text = cell(COL_TARGET);
        let target_level = if target_text.trim().is_empty() {
            None
        } else {
            let found = by_label(&target_text);
            if found.is_none() {
                problems.add(
                    place(QUESTIONS_SHEET, row, COL_TARGET),
                    format!(
                        "\"{}\" is not on the drop-down; choose one of {labels}.",
                        quoted(&target_text)
                    ),
                );
            }
            found
        };
        let mut links = Vec::new();
        for line in cell(COL_LINKS)
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
        {
            match validate::link(line) {
                Ok(link) => links.push(link),
                Err(e) => problems.add(place(QUESTIONS_SHEET, row, COL_LINKS), e),
            }
        }
        let contributed = ContributedAnswer {
            question_id: question.id.clone(),
            level,
            not_applicable,
            rationale: cell(COL_RATIONALE).trim().to_string(),
            confidence,
            target_level,
            evidence_notes: cell(COL_EVIDENCE).trim().to_string(),
            links,
            // A workbook cannot carry files; the instructions ask for them apart.
            files: Vec::new(),
        };
        if !contributed.is_empty() {
            answers.push(contributed);
        }
    }
    // Anything typed below the last question has no question to belong to.
    for row in request.question_ids.len() as u32 + 1..=last_row.min(100_000) {
        for col in 0..COLUMNS.len() as u16 + 4 {
            if !cell_text(sheet, row, col)
                .unwrap_or_else(|_| "x".into())
                .trim()
                .is_empty()
            {
                problems.add(place(QUESTIONS_SHEET, row, col), "there is no question on this row: rows were added. Remove them, and answer only in the rows given.");
                break;
            }
        }
    }
    answers
}

#[cfg(test)]
mod tests {
    use super::column_letter;

    #[test]
    fn columns_are_named_as_spreadsheets_name_them() {
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(12), "M");
        assert_eq!(column_letter(25), "Z");
        assert_eq!(column_letter(26), "AA");
    }
}
