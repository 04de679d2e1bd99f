//! Hand-built reports shared by the report tests and the report benchmark: a realistic
//! seven-question assessment of a Welsh council, and its empty and extreme variants.

use chrono::{NaiveDate, TimeZone, Utc};
use yardstick::report::*;

pub const LABELS: [&str; 5] = [
    "Not started",
    "Emerging",
    "Developing",
    "Embedded",
    "Leading",
];

pub const QUESTIONS: [(&str, &str); 7] = [
    ("Promotion", "Is the council promoting its digital services and content well enough that people choose them, and avoidable contact falls?"),
    ("User-centred, mobile-ready services", "Are services user-centred and mobile-ready, including those whose design was outsourced or bought in?"),
    ("End to end", "Are services designed for maximum capacity and efficiency, automated end to end?"),
    ("Social media", "Is the council using social media to its full potential?"),
    ("Assisted digital and inclusion", "Is there enough support for people who find online services hard?"),
    ("Measuring performance", "Does the council measure how its digital services perform and act on what it learns?"),
    ("Skills, leadership and reuse", "Does the council have the skills, leadership and culture to deliver digital, and does it reuse and share?"),
];

const LEVELS: [(Option<u8>, u8); 7] = [
    (Some(2), 3),
    (Some(1), 3),
    (Some(1), 2),
    (Some(3), 3),
    (Some(0), 2),
    (Some(2), 4),
    (Some(2), 3),
];

pub fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

pub fn level(level: u8) -> LevelRef {
    LevelRef {
        level,
        label: LABELS[level as usize].to_string(),
    }
}

/// The example council's latest assessment: seven questions answered, actions, evidence,
/// three years of comparison and Welsh text throughout.
pub fn realistic() -> Report {
    let findings: Vec<Finding> = (0..7).map(finding).collect();
    let recommendations = [4usize, 5, 1, 0, 2, 6, 3]
        .into_iter()
        .map(|i| recommendation(i, &findings[i]))
        .collect();
    Report {
        cover: Cover {
            organisation: "Cyngor Sir Ynys Môn".to_string(),
            period: "2026/27".to_string(),
            scope: String::new(),
            status: Status::Draft,
            assessor: "Siân Llŵyd, Head of Digital".to_string(),
            approval: None,
            exported_at: Utc.with_ymd_and_hms(2026, 5, 4, 9, 30, 0).unwrap(),
            protective_marking: Some("OFFICIAL".to_string()),
        },
        summary: Summary {
            overall: Some(OverallMaturity {
                score: 1.6,
                label: "Emerging".to_string(),
                assessed: 7,
                questions: 7,
            }),
            results: None,
            not_applicable: 0,
            since_previous: Some(Changes {
                previous_period: "2025/26".to_string(),
                previous_score: Some(1.3),
                questions: (0..7)
                    .map(|i| Change {
                        number: i as u32 + 1,
                        title: QUESTIONS[i].0.to_string(),
                        previous: Some(previous_level(i)),
                        current: LEVELS[i].0,
                    })
                    .collect(),
            }),
        },
        recommendations,
        overall_recommendation: Some(Recommendation {
            title: "One service and information delivery strategy".to_string(),
            text: "Fold all of this into one delivery strategy for services and information, not a separate digital strategy, and review it every year with this checklist.".to_string(),
            question: None,
            current: None,
            target: None,
            reasoning: "The council's digital, customer and ICT strategies overlap and none owns the whole journey from a resident's first contact to a completed service.".to_string(),
            actions: vec![Action {
                what: "Draft a single delivery strategy for Cabinet".to_string(),
                owner: "Chief Executive".to_string(),
                due: Some(date(2027, 3, 31)),
                status: "Not started".to_string(),
            }],
        }),
        findings,
        comparison: Some(Comparison {
            periods: vec!["2024/25".into(), "2025/26".into(), "2026/27".into()],
            rows: (0..7)
                .map(|i| ComparisonRow {
                    number: i as u32 + 1,
                    code: (i + 1).to_string(),
                    scale: 0,
                    title: QUESTIONS[i].0.to_string(),
                    levels: vec![
                        if i == 6 { None } else { Some(previous_level(i).saturating_sub(1)) },
                        Some(previous_level(i)),
                        LEVELS[i].0,
                    ],
                    // Question 7 is new in the 2025/26 checklist version.
                    in_checklist: vec![i != 6, true, true],
                    change: LEVELS[i].0.map(|now| yardstick::compare::level_change(previous_level(i), now).text),
                    notes: Vec::new(),
                })
                .collect(),
            overall: vec![Some(0.9), Some(1.3), Some(1.6)],
            results: Vec::new(),
            summary: "Between 2025/26 and 2026/27, 4 questions improved, 3 held and none fell. Overall maturity went up from 1.3 to 1.6.".to_string(),
            actions: vec![FollowUp {
                what: "Record reasons for contact in Canolfan Gyswllt".to_string(),
                recorded_in: "2024/25".to_string(),
                due: Some(date(2025, 3, 31)),
                status: "Done (in 2025/26)".to_string(),
            }],
        }),
        groups: Vec::new(),
        method: method(),
    }
}

fn previous_level(i: usize) -> u8 {
    [1, 1, 1, 2, 0, 2, 1][i]
}

fn finding(i: usize) -> Finding {
    let (title, question) = QUESTIONS[i];
    let (current, target) = LEVELS[i];
    Finding {
        number: i as u32 + 1,
        code: (i + 1).to_string(),
        scale: 0,
        not_applicable: None,
        indicators: Vec::new(),
        title: title.to_string(),
        question: question.to_string(),
        level: current.map(level),
        descriptor: current.map(|l| format!("At level {l} ({}): there is a plan and an owner, and the busiest services are covered, but practice is not yet consistent or measured everywhere.", LABELS[l as usize])),
        target: Some(level(target)),
        rationale: format!("Evidence from the customer contact centre and the web team shows progress on {} since last year. Bilingual content (Cymraeg a Saesneg) is published together; the Ŵyl Môn campaign reached 12,000 residents and cost £4,500. Further work is needed in Adran Priffyrdd (highways) before this is consistent.", title.to_lowercase()),
        confidence: Some(["Medium", "High", "Low"][i % 3].to_string()),
        evidence: vec![
            Evidence::Note { text: "Interview with the contact centre manager, 12 March 2026: avoidable calls fell by 8% after the bin collection reminders moved online. Staff at Llangefni and Caergybi offices confirm the trend.".to_string() },
            Evidence::Link { title: "Channel shift dashboard".to_string(), url: "https://intranet.example.gov.wales/dashboards/channel-shift?year=2026".to_string() },
            Evidence::File { name: format!("Adroddiad {title} 2026.pdf"), added: date(2026, 4, 2) },
        ],
    }
}

fn recommendation(i: usize, finding: &Finding) -> Recommendation {
    Recommendation {
        title: format!("Raise {} to level {}", finding.title.to_lowercase(), LEVELS[i].1),
        text: "Adopt a digital-first ethos: every letter, bill and phone message offers the online route first, and the teams that own the busiest contact types report avoidable contact every quarter.".to_string(),
        question: Some(QuestionRef { number: finding.number, code: finding.number.to_string(), title: finding.title.clone() }),
        current: finding.level.clone(),
        target: finding.target.clone(),
        reasoning: "Avoidable contact costs about £8 a call against £0.15 online, and residents in rural Ynys Môn travel far to reach an office.".to_string(),
        actions: vec![
            Action { what: "Agree an owner for digital promotion in each service".to_string(), owner: "Rhys ap Dafydd".to_string(), due: Some(date(2026, 9, 30)), status: "In progress".to_string() },
            Action { what: "Rewrite the top ten letters to lead with the online route".to_string(), owner: "Communications team".to_string(), due: None, status: "Not started".to_string() },
        ],
    }
}

pub fn method() -> Method {
    Method {
        checklist_title: "Digital best practice checklist".to_string(),
        checklist_version: "1.0".to_string(),
        source: "Based on the January 2015 draft “Digital best practice checklist” by Phil Rumens. Questions 1 to 4 follow the published draft; question 5 is partly published; questions 6 and 7 and the overall recommendation are reconstructed. The wording is Yardstick’s own.".to_string(),
        provenance: QUESTIONS
            .iter()
            .enumerate()
            .map(|(i, (title, _))| QuestionProvenance {
                number: i as u32 + 1,
                title: title.to_string(),
                provenance: match i { 0..=3 => "Published", 4 => "Partly published", _ => "Reconstructed" }.to_string(),
            })
            .collect(),
        scale: (0..5u8)
            .map(|l| ScaleLevel { level: l, label: LABELS[l as usize].to_string(), meaning: format!("What level {l} means across the council, in a sentence or two.") })
            .collect(),
        scales: Vec::new(),
        wording: Wording::default(),
        profile: None,
        contributors: Vec::new(),
    }
}

/// A new assessment with nothing answered: no levels, no evidence, no recommendations.
pub fn empty() -> Report {
    let mut report = realistic();
    report.summary = Summary {
        overall: None,
        results: None,
        not_applicable: 0,
        since_previous: None,
    };
    report.recommendations.clear();
    report.overall_recommendation = None;
    report.comparison = None;
    report.cover.protective_marking = None;
    for f in &mut report.findings {
        f.level = None;
        f.descriptor = None;
        f.target = None;
        f.rationale.clear();
        f.confidence = None;
        f.evidence.clear();
    }
    report
}

/// Text of exactly `len` characters made of real words, so it wraps like prose does.
pub fn long_text(len: usize) -> String {
    let words = "Mae'r cyngor yn gweithio'n galed ŵ ŷ £100 to improve services for residents ";
    words.chars().cycle().take(len).collect()
}

/// Every text field at the 50,000-character limit and one question with 200 evidence items.
pub fn extreme() -> Report {
    let long = long_text(50_000);
    let mut report = realistic();
    for f in &mut report.findings {
        f.rationale = long.clone();
        f.evidence = vec![Evidence::Note { text: long.clone() }];
    }
    report.findings[0].evidence = (0..200)
        .map(|n| match n % 3 {
            0 => Evidence::Note {
                text: format!("Note {n}: {}", long_text(300)),
            },
            1 => Evidence::Link {
                title: format!("Link {n}"),
                url: format!("https://example.gov.wales/{}", "a".repeat(200)),
            },
            _ => Evidence::File {
                name: format!("file-{n}.pdf"),
                added: date(2026, 1, 1),
            },
        })
        .collect();
    for r in &mut report.recommendations {
        r.text = long.clone();
        r.reasoning = long.clone();
        r.actions[0].what = long.clone();
    }
    report
}

/// Three levels, as the NCSC Cyber Assessment Framework judges its outcomes.
pub const ACHIEVEMENT: [&str; 3] = ["Not achieved", "Partially achieved", "Achieved"];

/// A question title of one to three chart lines, varied so that rows differ in height.
fn long_title(i: usize) -> String {
    match i % 4 {
        0 => format!("Outcome {i}"),
        1 => format!("Identity and access control for privileged users of system {i}"),
        2 => format!(
            "Proportionate security monitoring of networks, systems and the essential function's data, with alerts investigated ({i})"
        ),
        _ => format!(
            "Response and recovery planning that is tested, owned at board level and improved after every exercise, incident and near miss, across every supplier and service ({i})"
        ),
    }
}

/// A checklist of `n` questions on a three-level scale, shaped like a large real framework
/// early in its first assessment: long titles, some questions unassessed, most without
/// actions, evidence or rationale, and one earlier assessment in which many levels moved.
pub fn long_checklist(n: usize) -> Report {
    let level = |l: u8| LevelRef {
        level: l,
        label: ACHIEVEMENT[l as usize].to_string(),
    };
    let current = |i: usize| (i % 7 != 3).then_some((i % 3) as u8);
    let target = |i: usize| if i.is_multiple_of(5) { 1 } else { 2 };
    let findings: Vec<Finding> = (0..n)
        .map(|i| Finding {
            number: i as u32 + 1,
            code: (i + 1).to_string(),
            scale: 0,
            not_applicable: None,
            indicators: Vec::new(),
            title: long_title(i + 1),
            question: format!(
                "To what extent does the organisation meet outcome {}? {}",
                i + 1,
                long_title(i + 1)
            ),
            level: current(i).map(level),
            descriptor: current(i).map(|l| {
                format!(
                    "At “{}” the indicators for this outcome are met as described.",
                    ACHIEVEMENT[l as usize]
                )
            }),
            target: Some(level(target(i))),
            rationale: if i % 4 == 0 {
                format!(
                    "Seen in the incident log and the board minutes for outcome {}.",
                    i + 1
                )
            } else {
                String::new()
            },
            confidence: (i % 2 == 0).then(|| "Medium".to_string()),
            evidence: if i % 6 == 0 {
                vec![Evidence::Link {
                    title: format!("Policy {}", i + 1),
                    url: format!("https://intranet.example.gov.uk/policies/{}", i + 1),
                }]
            } else {
                Vec::new()
            },
        })
        .collect();
    let recommendations: Vec<Recommendation> = findings
        .iter()
        .filter(|f| f.level.as_ref().map_or(0, |l| l.level) < f.target.as_ref().unwrap().level)
        .map(|f| Recommendation {
            title: format!("Close the gap on {}", f.title.to_lowercase()),
            text: "Agree an owner and a plan, and report progress to the board every quarter."
                .to_string(),
            question: Some(QuestionRef {
                number: f.number,
                code: f.code.clone(),
                title: f.title.clone(),
            }),
            current: f.level.clone(),
            target: f.target.clone(),
            reasoning: if f.number % 3 == 0 {
                "A gap here is what an attacker would use first.".to_string()
            } else {
                String::new()
            },
            actions: if f.number % 10 == 1 {
                vec![Action {
                    what: format!("Plan for outcome {}", f.number),
                    owner: "Head of IT".to_string(),
                    due: Some(date(2027, 3, 31)),
                    status: "Open".to_string(),
                }]
            } else {
                Vec::new()
            },
        })
        .collect();
    let previous = |i: usize| {
        current(i).map(|l| {
            if i.is_multiple_of(2) {
                l.saturating_sub(1)
            } else {
                l
            }
        })
    };
    let mut report = realistic();
    report.cover.organisation = "Royal Borough of Kensington and Chelsea".to_string();
    report.cover.assessor = "Sam Okafor, Head of Cyber Security".to_string();
    report.overall_recommendation = Some(Recommendation {
        title: "Own the framework at board level".to_string(),
        text: "Name a board member accountable for the whole framework and review it every year."
            .to_string(),
        question: None,
        current: None,
        target: None,
        reasoning: String::new(),
        actions: Vec::new(),
    });
    report.summary = Summary {
        overall: Some(OverallMaturity {
            score: 1.0,
            label: "Partially achieved".to_string(),
            assessed: findings.iter().filter(|f| f.level.is_some()).count() as u32,
            questions: n as u32,
        }),
        results: None,
        not_applicable: 0,
        since_previous: Some(Changes {
            previous_period: "2025/26".to_string(),
            previous_score: Some(0.8),
            questions: (0..n)
                .map(|i| Change {
                    number: i as u32 + 1,
                    title: long_title(i + 1),
                    previous: previous(i),
                    current: current(i),
                })
                .collect(),
        }),
    };
    report.comparison = Some(Comparison {
        periods: vec!["2025/26".into(), "2026/27".into()],
        rows: (0..n)
            .map(|i| ComparisonRow {
                number: i as u32 + 1,
                code: (i + 1).to_string(),
                scale: 0,
                title: long_title(i + 1),
                levels: vec![previous(i), current(i)],
                in_checklist: vec![true, true],
                change: None,
                notes: Vec::new(),
            })
            .collect(),
        overall: vec![Some(0.8), Some(1.0)],
        results: Vec::new(),
        summary: "Between 2025/26 and 2026/27 many outcomes improved.".to_string(),
        actions: Vec::new(),
    });
    report.method = Method {
        checklist_title: "NCSC Cyber Assessment Framework (test)".to_string(),
        checklist_version: "3.2".to_string(),
        source: "A test framework shaped like the NCSC CAF.".to_string(),
        provenance: findings
            .iter()
            .map(|f| QuestionProvenance {
                number: f.number,
                title: f.title.clone(),
                provenance: "Published".to_string(),
            })
            .collect(),
        scale: (0..3u8)
            .map(|l| ScaleLevel {
                level: l,
                label: ACHIEVEMENT[l as usize].to_string(),
                meaning: format!("The outcome is {}.", ACHIEVEMENT[l as usize].to_lowercase()),
            })
            .collect(),
        scales: Vec::new(),
        wording: Wording::default(),
        profile: None,
        contributors: Vec::new(),
    };
    report.findings = findings;
    report.recommendations = recommendations;
    report
}
