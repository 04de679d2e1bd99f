//! The checklists shipped in `checklists/`: every one is valid and embedded, and the default
//! checklist has the content the product promises.

use std::collections::HashSet;

use yardstick::checklist::{
    builtin_checklists, builtin_file_names, builtin_problems, load_checklist_file, parse_checklist,
    ChecklistOrigin, Provenance, DEFAULT_CHECKLIST_ID,
};

fn shipped_files() -> Vec<std::path::PathBuf> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("checklists");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    files
}

#[test]
fn every_file_in_checklists_validates() {
    let files = shipped_files();
    assert!(!files.is_empty());
    for path in files {
        if let Err(error) = load_checklist_file(&path) {
            panic!("{error}");
        }
    }
}

#[test]
fn every_file_in_checklists_is_embedded() {
    // A file added to checklists/ but not to BUILTIN_FILES would silently not ship.
    let embedded: HashSet<String> = builtin_file_names().map(str::to_owned).collect();
    for path in shipped_files() {
        let name = format!("checklists/{}", path.file_name().unwrap().to_string_lossy());
        assert!(embedded.contains(&name), "{name} is not in BUILTIN_FILES");
    }
    assert!(builtin_problems().is_empty(), "{:?}", builtin_problems());
    assert_eq!(builtin_checklists().len(), embedded.len());
}

#[test]
fn builtins_carry_their_source_and_its_hash() {
    for loaded in builtin_checklists() {
        assert_eq!(loaded.origin, ChecklistOrigin::BuiltIn);
        assert_eq!(loaded.sha256.len(), 64);
        assert!(loaded
            .sha256
            .chars()
            .all(|c| matches!(c, '0'..='9' | 'a'..='f')));
        let reparsed = parse_checklist("again", &loaded.source_text).unwrap();
        assert_eq!(
            reparsed, loaded.checklist,
            "the stored text is the checklist's source"
        );
    }
}

#[test]
fn the_default_checklist_has_seven_questions_on_a_five_level_scale() {
    let builtins = builtin_checklists();
    let default = builtins
        .iter()
        .find(|c| c.checklist.id == DEFAULT_CHECKLIST_ID)
        .expect("the default checklist is built in");
    let c = &default.checklist;
    let labels: Vec<&str> = c
        .main_scale()
        .levels
        .iter()
        .map(|l| l.label.as_str())
        .collect();
    assert_eq!(
        labels,
        [
            "Not started",
            "Emerging",
            "Developing",
            "Embedded",
            "Leading"
        ]
    );
    assert_eq!(c.questions.len(), 7);
    assert_eq!(c.max_level_of(&c.questions[0]), 4);
    for q in &c.questions {
        assert_eq!(q.descriptors.len(), 5, "{}", q.id);
        assert!(
            (3..=6).contains(&q.evidence_prompts.len()),
            "{}: 3 to 6 evidence prompts",
            q.id
        );
        assert!(!q.recommendation.text.is_empty());
    }
    assert!(!c.overall_recommendation.text.is_empty());
}

#[test]
fn the_default_checklist_is_honest_about_its_provenance() {
    let builtins = builtin_checklists();
    let c = &builtins[0].checklist;
    let provenance: Vec<Provenance> = c.questions.iter().map(|q| q.provenance).collect();
    use Provenance::*;
    assert_eq!(
        provenance,
        [
            Published,
            Published,
            Published,
            Published,
            PartlyPublished,
            Reconstructed,
            Reconstructed
        ]
    );
    assert_eq!(c.source.author, "Phil Rumens");
    assert!(c.source.date.starts_with("2015-01"));
    assert!(c.source.notes.contains("overall recommendation"));
    assert!(c.source.notes.contains("reconstructed"));
}

#[test]
fn the_default_checklist_stays_first_among_the_builtins() {
    // The app offers the first built-in checklist as the default choice.
    let builtins = builtin_checklists();
    assert_eq!(builtins[0].checklist.id, DEFAULT_CHECKLIST_ID);
    assert!(builtins.len() >= 2, "a second framework is built in");
}

#[test]
fn the_local_government_digital_service_standard_is_built_in_with_its_15_points() {
    let builtins = builtin_checklists();
    let c = &builtins
        .iter()
        .find(|c| c.checklist.id == "local-government-digital-service-standard")
        .expect("the standard is built in")
        .checklist;
    let labels: Vec<&str> = c
        .main_scale()
        .levels
        .iter()
        .map(|l| l.label.as_str())
        .collect();
    assert_eq!(labels, ["Not met", "Partly met", "Met"]);
    assert_eq!(c.questions.len(), 15);
    for q in &c.questions {
        assert_eq!(q.descriptors.len(), 3, "{}", q.id);
        assert!(
            (3..=5).contains(&q.evidence_prompts.len()),
            "{}: 3 to 5 evidence prompts",
            q.id
        );
        // The points are the standard's; every question is worded as our own question.
        assert_eq!(q.provenance, Provenance::PartlyPublished, "{}", q.id);
        assert!(
            !q.question.to_lowercase().contains("digital best"),
            "{}",
            q.id
        );
    }
    assert_eq!(c.source.author, "LocalGov Digital");
    assert!(c.source.date.starts_with("2016-04"));
    assert!(c.source.notes.contains("Open Government Licence v3.0"));
    assert!(c.source.notes.contains("neither website could be opened"));
}
