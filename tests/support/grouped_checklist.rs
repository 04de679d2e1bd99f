//! A format-2 checklist of any length shaped like a large framework, for benchmarks and
//! tests: four objectives of three principles each, outcomes spread over them, a
//! three-level and a two-level scale, indicator lists, not applicable allowed on every
//! thirteenth outcome, counts against a baseline profile.

/// The checklist's text with `count` outcomes (at least 12, one per principle).
pub fn grouped_checklist(count: usize) -> String {
    let mut text = String::from(
        r##"format = 2
id = "grouped-bench"
version = "1.0"
title = "Grouped framework (benchmark)"
summary = "A generated framework for measuring."
results = "counts"

[wording]
question = "outcome"
questions = "outcomes"

[source]
title = "Generated"
author = "Yardstick benchmarks"
date = "2026-11"
url = "https://example.invalid/bench"
notes = "Generated text."

[[scales]]
id = "achievement"
title = "Achievement"
[[scales.levels]]
level = 0
label = "Not achieved"
meaning = "Not met."
colour = "#d4351c"
[[scales.levels]]
level = 1
label = "Partially achieved"
meaning = "Partly met."
[[scales.levels]]
level = 2
label = "Achieved"
meaning = "Met."
colour = "#00703c"

[[scales]]
id = "binary"
title = "Achieved or not"
[[scales.levels]]
level = 0
label = "Not achieved"
meaning = "Not met."
[[scales.levels]]
level = 1
label = "Achieved"
meaning = "Met."
"##,
    );
    let principles: Vec<(usize, usize)> =
        (0..4).flat_map(|o| (0..3).map(move |p| (o, p))).collect();
    for (o, objective) in ["A", "B", "C", "D"].iter().enumerate() {
        text.push_str(&format!(
            "\n[[groups]]\nid = \"{}\"\ncode = \"{objective}\"\ntitle = \"Objective {objective}\"\n",
            objective.to_lowercase()
        ));
        for p in 0..3 {
            text.push_str(&format!(
                "\n[[groups]]\nid = \"{}{}\"\ncode = \"{objective}{}\"\nparent = \"{}\"\ntitle = \"Principle {objective}{} with a title long enough to wrap in a table\"\n",
                objective.to_lowercase(), p + 1, p + 1, objective.to_lowercase(), p + 1
            ));
        }
        let _ = o;
    }
    let mut targets = String::new();
    for i in 0..count {
        let (o, p) = principles[i * principles.len() / count];
        let group = format!("{}{}", ["a", "b", "c", "d"][o], p + 1);
        let id = format!("outcome-{}", i + 1);
        let binary = i % 3 == 2;
        let descriptors = if binary {
            "[\"There is no evidence that the outcome is met.\", [\"The outcome is met.\", \"It is reviewed each year.\"]]"
        } else {
            "[\"There is no evidence that the outcome is met.\", \"The outcome is met in part, with gaps recorded.\", [\"The outcome is met in full.\", \"It is reviewed each year.\", \"Someone is named as responsible for it.\"]]"
        };
        text.push_str(&format!(
            r#"
[[questions]]
id = "{id}"
code = "{}.{}"
group = "{group}"
scale = "{}"
not_applicable = {}
title = "Outcome {} on the way the organisation manages this part of the framework"
question = "Does the organisation meet outcome {}?"
why_it_matters = "Each outcome is part of showing the principle is met."
provenance = "reconstructed"
descriptors = {descriptors}
evidence_prompts = ["Records that show the outcome in practice."]
recommendation = {{ title = "Meet outcome {}", text = "Close the gaps and record who owns it." }}
"#,
            group.to_uppercase(),
            i + 1,
            if binary { "binary" } else { "achievement" },
            i % 13 == 6,
            i + 1,
            i + 1,
            i + 1,
        ));
        targets.push_str(&format!("\"{id}\" = \"Achieved\"\n"));
    }
    text.push_str(&format!(
        "\n[[profiles]]\nid = \"baseline\"\ntitle = \"Baseline\"\n\n[profiles.targets]\n{targets}\n[overall_recommendation]\ntitle = \"Own it\"\ntext = \"Report progress to the board.\"\n"
    ));
    text
}
