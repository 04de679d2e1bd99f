// Generated from the Rust types in src-tauri/src/commands/dto.rs by `make bindings`.
// Do not edit by hand: a test fails when this file and the Rust types disagree.

export type ErrorKind = "not_found" | "invalid_input" | "conflict" | "locked" | "io" | "internal";

export type Field = "organisation" | "organisationName" | "gssCode" | "period" | "assessor" | "checklist" | "scope" | "previousAssessment" | "approver" | "reopenReason" | "level" | "targetLevel" | "rationale" | "notApplicableReason" | "profile" | "note" | "link" | "linkDescription" | "actionTitle" | "actionOwner" | "actionNotes" | "dueDate" | "protectiveMarking" | "comparison" | "allowPeer" | "onConflict" | "file" | "contributor" | "team" | "requestQuestions";

export type IpcError = { kind: ErrorKind, message: string, field: Field | null, problems: Array<string>, };

export type AppInfo = { version: string, databasePath: string, };

export type AssessmentSummary = { id: number, organisationId: number, organisation: string, period: string, 
/**
 * The checklist's id and title, so lists can tell assessments of one period apart.
 */
checklistId: string, checklistTitle: string, 
/**
 * See [`Assessment::scope`].
 */
scope: string, status: string, assessor: string, 
/**
 * Questions with a level or judged not applicable.
 */
answered: number, questionCount: number, 
/**
 * See [`scoring::overall_level`]; `None` until a question has a level, and for a
 * checklist whose results are not an average.
 */
overallLevel: number | null, 
/**
 * The results in one line by the checklist's own rule (see [`scoring::ResultSummary`]).
 */
result: string, updatedAt: string, 
/**
 * A peer council's imported assessment (see [`Assessment::peer`]).
 */
peer: boolean, peerSource: string | null, };

export type AssessmentDetail = { assessment: Assessment, organisation: Organisation, checklist: Checklist, 
/**
 * One per question that has been touched, in checklist order.
 */
answers: Array<Answer>, 
/**
 * Ordered by question id, then oldest first.
 */
evidence: Array<Evidence>, 
/**
 * Overall actions first, then by question.
 */
actions: Array<Action>, 
/**
 * The mean level rounded down (see [`crate::scoring::overall_level`]); `None` for a
 * checklist whose results are not an average, and before any level is chosen.
 */
overallLevel: number | null, 
/**
 * The results by the checklist's own rule, overall and per group.
 */
results: AssessmentResults, 
/**
 * Who contributed accepted answers, by question id: "Sam Patel (Customer Services)".
 */
contributors: { [key in string]: Array<string> }, };

export type Assessment = { id: number, organisationId: number, organisation: string, 
/**
 * Financial year, e.g. "2026/27".
 */
period: string, assessor: string, status: AssessmentStatus, checklist: SnapshotInfo, 
/**
 * What was assessed within the organisation, e.g. "Planning applications service"; empty
 * when the whole organisation was.
 */
scope: string, 
/**
 * The id of the checklist's target profile it started from; empty when none.
 */
profileId: string, questionCount: number, 
/**
 * The assessment this one was started from, if any (and not since deleted).
 */
previousId: number | null, createdAt: string, updatedAt: string, finalisedAt: string | null, approver: string | null, 
/**
 * Imported as a peer council's assessment: read-only, for comparison.
 */
peer: boolean, 
/**
 * For a peer's assessment, the name of the file it was imported from.
 */
peerSource: string | null, };

export type SignedOff = { assessment: Assessment, backup: string | null, backupProblem: string | null, };

export type AssessmentStatus = "draft" | "final";

export type SnapshotInfo = { checklistId: string, 
/**
 * The checklist's own title, e.g. "Digital best practice checklist".
 */
title: string, version: string, sha256: string, };

export type StartAssessment = { organisation: OrganisationChoice, 
/**
 * Financial year, e.g. "2026/27".
 */
period: string, 
/**
 * Who is assessing; `None` means the name saved in the settings. A name given becomes the
 * saved one, so the next start and the audit trail use it.
 */
assessor: string | null, 
/**
 * `None`: the checklist the `from` assessment used, else the default checklist.
 */
checklistId: string | null, 
/**
 * A version of `checklist_id` to use; `None` means its newest version.
 */
checklistVersion: string | null, 
/**
 * What within the organisation is assessed (a service, a system); `None` means the
 * `from` assessment's scope, else the whole organisation.
 */
scope?: string, 
/**
 * The id of one of the checklist's target profiles to set the targets from; `None` for
 * none (targets then come from the `from` assessment, if any).
 */
profile?: string, 
/**
 * Carry answers, evidence and open actions forward from this assessment.
 */
fromAssessmentId: number | null, };

export type OrganisationChoice = { "choice": "existing", id: number, } | { "choice": "new", name: string, kind: OrganisationKind, } | { "choice": "named", name: string, };

export type Organisation = { id: number, name: string, kind: OrganisationKind, 
/**
 * The ONS Government Statistical Service code, e.g. E07000123, when known.
 */
gssCode: string | null, createdAt: string, updatedAt: string, };

export type OrganisationKind = "district" | "county" | "unitary" | "metropolitan_borough" | "london_borough" | "welsh_principal" | "scottish" | "northern_irish" | "other";

export type OrganisationInput = { name: string, kind: OrganisationKind, gssCode: string | null, };

export type DeletionCounts = { assessments: number, answers: number, evidence: number, actions: number, };

export type Checklist = { 
/**
 * The file format it was written in: 1 or 2.
 */
format: number, 
/**
 * Stable id (a slug) shared by every version of the same checklist.
 */
id: string, version: string, title: string, summary: string, source: Source, 
/**
 * At least one scale; every question is judged on one of them.
 */
scales: Array<Scale>, 
/**
 * Objectives and their principles, in file order; a parent comes before its children.
 */
groups: Array<Group>, questions: Array<Question>, 
/**
 * How an assessment's results (and each group's) are summarised.
 */
results: ResultRule, 
/**
 * Named sets of targets an assessment can start from.
 */
profiles: Array<Profile>, wording: Wording, 
/**
 * The recommendation that is not tied to one question.
 */
overallRecommendation: Recommendation, };

export type Source = { title: string, author: string, date: string, url: string, notes: string, };

export type Scale = { id: string, title: string, levels: Array<Level>, };

export type Level = { level: number, label: string, meaning: string, 
/**
 * A `#rrggbb` colour for charts and tags; the label is always shown beside it.
 */
colour: string | null, };

export type Group = { id: string, 
/**
 * What readers call it, e.g. "A1".
 */
code: string, title: string, 
/**
 * May be empty.
 */
summary: string, parent: string | null, };

export type ResultRule = "average" | "counts" | "worst";

export type Profile = { id: string, title: string, 
/**
 * May be empty.
 */
summary: string, 
/**
 * Target level by question id, in question order.
 */
targets: Array<ProfileTarget>, };

export type ProfileTarget = { questionId: string, level: number, };

export type Wording = { 
/**
 * What an assessment against it is called, lower case: "self-assessment".
 */
assessment: string, 
/**
 * One question, lower case: "question", "outcome", "point".
 */
question: string, 
/**
 * More than one: "questions", "outcomes", "points".
 */
questions: string, };

export type Question = { 
/**
 * Stable id (a slug), never reused; results are matched across years by it.
 */
id: string, number: number, 
/**
 * What readers call it, e.g. "A1.a"; the number as text when the file gives none.
 */
code: string, 
/**
 * The innermost group it belongs to; `None` in a checklist without groups.
 */
group: string | null, 
/**
 * The id of the scale it is judged on.
 */
scale: string, 
/**
 * A short name for the theme, e.g. "Promotion".
 */
title: string, question: string, whyItMatters: string, 
/**
 * One descriptor per level of its scale, in level order: what that level looks like in a
 * council. Always readable text: a descriptor written as a list of indicators is those
 * indicators joined into one sentence here.
 */
descriptors: Array<string>, 
/**
 * Per level, the indicator statements when the file gives the descriptor as a list;
 * empty for a descriptor written as plain text.
 */
indicators: Array<Array<string>>, 
/**
 * Whether an assessor may answer "not applicable" (with a reason).
 */
notApplicable: boolean, evidencePrompts: Array<string>, recommendation: Recommendation, weight: number, provenance: Provenance, 
/**
 * Ids of questions in earlier versions that this one renames, splits or merges.
 */
replaces: Array<string>, };

export type Recommendation = { title: string, text: string, };

export type Provenance = "published" | "partly-published" | "reconstructed";

export type ChecklistInfo = { id: string, version: string, title: string, questionCount: number, builtIn: boolean, 
/**
 * The target profiles an assessment may start from (format-2 checklists).
 */
profiles: Array<ProfileInfo>, 
/**
 * What the checklist calls its questions, e.g. "outcomes".
 */
questionsWord: string, };

export type ProfileInfo = { id: string, title: string, summary: string, };

export type ChecklistCatalogue = { checklists: Array<ChecklistInfo>, problems: Array<string>, };

export type Answer = { questionId: string, 
/**
 * `None` is "not assessed".
 */
level: number | null, rationale: string, confidence: Confidence | null, targetLevel: number | null, 
/**
 * The reason, when the assessor judged the question not applicable; such an answer has
 * no level and is left out of every result.
 */
notApplicable: string | null, 
/**
 * Copied from an earlier assessment and not yet saved in this one: the task list shows
 * it as "in progress" so the assessor reviews it.
 */
carriedForward: boolean, updatedAt: string, };

export type AnswerInput = { level: number | null, rationale: string, confidence: Confidence | null, targetLevel: number | null, 
/**
 * The reason the question does not apply; `None` (or absent) for an applicable answer.
 */
notApplicable?: string, };

export type Confidence = "low" | "medium" | "high";

export type Evidence = { id: number, assessmentId: number, questionId: string, kind: EvidenceKind, 
/**
 * The note itself, or a description of the link or file.
 */
note: string, url: string | null, file: EvidenceFile | null, createdAt: string, };

export type EvidenceFile = { 
/**
 * The name the file had when it was attached.
 */
name: string, size: number, mediaType: string, sha256: string, 
/**
 * The stored copy is no longer in the evidence folder (deleted by hand, or a database
 * restored without its folder). The UI says so and offers to attach it again.
 */
missing: boolean, };

export type EvidenceKind = "note" | "link" | "file";

export type Action = { id: number, assessmentId: number, 
/**
 * `None` for an action on the overall recommendation.
 */
questionId: string | null, title: string, owner: string, 
/**
 * `YYYY-MM-DD`.
 */
dueDate: string | null, status: ActionStatus, notes: string, createdAt: string, updatedAt: string, };

export type ActionInput = { questionId: string | null, title: string, owner: string, dueDate: string | null, status: ActionStatus, notes: string, };

export type ActionStatus = "open" | "in_progress" | "done" | "dropped";

export type Settings = { assessorName: string, protectiveMarking: string, };

export type ZoomChange = "in" | "out" | "reset";

export type AssessmentOverview = { 
/**
 * Every question's recommendation, highest priority first.
 */
recommendations: Array<PrioritisedRecommendation>, 
/**
 * Actions still open or in progress, soonest due first; those with no date last.
 */
openActions: Array<Action>, };

export type PrioritisedRecommendation = { questionId: string, number: number, questionTitle: string, title: string, text: string, currentLevel: number | null, targetLevel: number | null, 
/**
 * Levels to climb to reach the target; 0 when at or above it, or no target is set.
 */
gap: number, weight: number, };

export type AssessmentResults = { overall: ResultSummary, groups: Array<GroupResult>, };

export type ResultSummary = { rule: ResultRule, 
/**
 * One line for a reader: "2.4 out of 4 (Defined)", "9 of 12 outcomes meet their
 * target", "Red: the lowest rating governs". "Not assessed yet" before any level.
 */
headline: string, 
/**
 * The counts by level, lowest first, as words: "Not achieved 3, Achieved 9".
 */
breakdown: string, 
/**
 * Average rule: the mean level unrounded.
 */
mean: number | null, 
/**
 * Average rule: the mean rounded down; worst rule: the worst level's number on its scale.
 */
level: number | null, 
/**
 * The label of `level` (average and worst rules).
 */
levelLabel: string | null, counts: Array<LevelCount>, 
/**
 * Assessed questions with a target that meet it, and assessed or not, how many have one.
 */
meetingTarget: number, withTarget: number, questions: number, assessed: number, notApplicable: number, notAssessed: number, };

export type GroupResult = { groupId: string, code: string, title: string, depth: number, results: ResultSummary, };

export type LevelCount = { label: string, count: number, colour: string | null, };

export type Comparison = { kind: ComparisonKind, 
/**
 * A heading such as "Example District Council, 2024/25 to 2026/27", or
 * "Peer comparison: …" when organisations differ.
 */
title: string, 
/**
 * Oldest first; in a peer comparison grouped by organisation.
 */
periods: Array<PeriodColumn>, 
/**
 * The latest checklist version's questions in its order, then any questions found only
 * in earlier versions.
 */
questions: Array<QuestionRow>, 
/**
 * Improved / unchanged / declined between the last two assessments of the organisation
 * of the last column; `None` when there is no earlier one.
 */
latestCounts: ChangeCounts | null, 
/**
 * What changed, in a sentence or two of plain English.
 */
summary: string, 
/**
 * Set when only one assessment is in the comparison: says plainly why nothing is
 * compared and what to do.
 */
nothingToCompare: string | null, 
/**
 * Actions recorded in every assessment but an organisation's latest, with their status
 * now, oldest due date first.
 */
actions: Array<ActionFollowUp>, };

export type ComparisonKind = "same_organisation" | "peer";

export type PeriodColumn = { assessmentId: number, organisationId: number, organisation: string, period: string, 
/**
 * The column heading: the period, or organisation and period in a peer comparison.
 */
label: string, status: AssessmentStatus, checklistVersion: string, 
/**
 * The mean level rounded down, as everywhere else (see `store::assessments::overall_level`).
 */
overallLevel: number | null, overallLabel: string | null, 
/**
 * The unrounded mean level, so progress within a level still shows.
 */
overallScore: number | null, 
/**
 * The results in one line by the checklist's own rule (the only overall figure for a
 * checklist that is not averaged).
 */
result: string, answered: number, questionCount: number, 
/**
 * Against the previous assessment of the same organisation, if any.
 */
overallChange: Change | null, counts: ChangeCounts | null, };

export type QuestionRow = { 
/**
 * The id in the newest checklist version that has the question.
 */
questionId: string, number: number, title: string, 
/**
 * False for a question that only earlier checklist versions have.
 */
inLatestChecklist: boolean, 
/**
 * One per column, in the order of [`Comparison::periods`].
 */
cells: Array<Cell>, 
/**
 * First known level against the last, within one organisation; `None` in a peer
 * comparison or with fewer than two known levels.
 */
trend: Change | null, };

export type Cell = { state: CellState, level: number | null, 
/**
 * E.g. "2 Developing", "Not assessed", "Not in this checklist version".
 */
text: string, 
/**
 * The questions of this column's checklist the level comes from: the row's own, or the
 * ones it renamed, split or merged.
 */
matched: Array<MatchedQuestion>, 
/**
 * Why the level comes from differently named questions, when it does.
 */
note: string | null, 
/**
 * Against the previous assessment of the same organisation.
 */
change: Change | null, };

export type CellState = "assessed" | "not_assessed" | "not_in_checklist";

export type MatchedQuestion = { id: string, title: string, level: number | null, };

export type Change = { direction: Direction, 
/**
 * Later minus earlier: whole levels for a question, the mean for overall maturity.
 */
difference: number, 
/**
 * E.g. "up 1 level", "no change", "down 0.4".
 */
text: string, 
/**
 * "↑", "→" or "↓": a shape that survives a black-and-white printer.
 */
symbol: string, };

export type Direction = "improved" | "held" | "fell";

export type ChangeCounts = { fromPeriod: string, toPeriod: string, improved: number, unchanged: number, declined: number, 
/**
 * Questions without a level on one side (not assessed, or not in that version).
 */
notComparable: number, };

export type ActionFollowUp = { organisation: string, 
/**
 * The period whose assessment first recorded the action.
 */
recordedIn: string, 
/**
 * None for an action on the overall recommendation.
 */
questionTitle: string | null, title: string, owner: string, 
/**
 * `YYYY-MM-DD`.
 */
dueDate: string | null, status: ActionStatus, 
/**
 * "Open", "In progress", "Done" or "Dropped".
 */
statusText: string, 
/**
 * The latest compared assessment that still records the action: its status there is
 * the status now.
 */
statusAsOf: string, };

export type ExportFormat = "json" | "json_with_files" | "csv";

export type OnConflict = "refuse" | "copy" | "skip";

export type ImportOutcome = { "outcome": "imported", id: number, organisation: string, period: string, peer: boolean, } | { "outcome": "copied", id: number, organisation: string, originalOrganisation: string, existingId: number, period: string, peer: boolean, } | { "outcome": "skipped", existingId: number, organisation: string, period: string, };

export type ImportReport = { outcome: ImportOutcome, message: string, assessmentId: number, };

export type ContributionRequest = { id: number, 
/**
 * The random id written into the workbook or file, so a returned one finds its request.
 */
requestKey: string, assessmentId: number, checklistId: string, checklistVersion: string, checklistSha256: string, 
/**
 * The questions asked, in checklist order.
 */
questionIds: Array<string>, contributor: string, team: string, dueDate: string | null, note: string, createdAt: string, };

export type RequestFormat = "xlsx" | "json";

export type RequestInput = { questionIds: Array<string>, contributor: string, team: string, 
/**
 * `YYYY-MM-DD`, or empty.
 */
dueDate: string, note: string, format: RequestFormat, };

export type ImportedContribution = { contributionId: number, assessmentId: number, contributor: string, sourceName: string, 
/**
 * How many questions it answers.
 */
answered: number, };

export type Contribution = { id: number, request: ContributionRequest, 
/**
 * The file it came in.
 */
sourceName: string, receivedAt: string, 
/**
 * The lead's note when setting it aside; empty otherwise.
 */
decisionNote: string, answers: Array<ReviewedAnswer>, };

export type ReviewedAnswer = { contributed: ContributedAnswer, current: Answer | null, decision: Decision, decidedAt: string | null, };

export type ContributedAnswer = { questionId: string, level: number | null, 
/**
 * Why the question does not apply, when the colleague said so.
 */
notApplicable: string | null, rationale: string, confidence: Confidence | null, targetLevel: number | null, evidenceNotes: string, 
/**
 * http(s) links, as given.
 */
links: Array<string>, 
/**
 * Files attached in a contribution file, already in the evidence folder.
 */
files: Array<ContributedFile>, };

export type ContributedFile = { 
/**
 * The name it had on the colleague's computer: a plain name, no folders.
 */
name: string, size: number, sha256: string, };

export type Decision = "pending" | "accepted" | "set_aside";

export type OpenedRequest = { id: number, 
/**
 * The same request was opened before: its answers so far are kept and the file is not
 * read again.
 */
alreadyOpen: boolean, };

export type AnsweringSummary = { id: number, organisation: string, period: string, 
/**
 * Who the request is for (the person answering).
 */
contributor: string, dueDate: string | null, questions: number, answered: number, updatedAt: string, };

export type AnsweringRequest = { id: number, organisation: string, period: string, checklistId: string, checklistVersion: string, contributor: string, team: string, dueDate: string | null, 
/**
 * What the person asking wrote.
 */
note: string, 
/**
 * The file it was opened from.
 */
sourceName: string, openedAt: string, updatedAt: string, questions: Array<AnsweringQuestion>, };

export type AnsweringQuestion = { questionId: string, code: string, title: string, question: string, whyItMatters: string, levels: Array<AnsweringLevel>, notApplicableAllowed: boolean, answer: ContributionAnswerInput, files: Array<AnsweringFile>, };

export type AnsweringLevel = { level: number, label: string, descriptor: string, };

export type AnsweringFile = { id: number, name: string, size: number, };

export type ContributionAnswerInput = { level: number | null, 
/**
 * Why the question does not apply; then `level` is empty.
 */
notApplicable: string | null, rationale: string, confidence: Confidence | null, targetLevel: number | null, evidenceNotes: string, 
/**
 * http(s) links.
 */
links: Array<string>, };

export type HomeSnapshot = { assessments: Array<AssessmentSummary>, organisations: Array<Organisation>, answering: Array<AnsweringSummary>, };

/** The most assessments compared at once (the core's `compare::MAX_COMPARED`). */
export const MAX_COMPARED = 10;
/** How many automatic backups are kept (the core's `archive::KEEP_AUTOMATIC`). */
export const KEEP_AUTOMATIC_BACKUPS = 14;
