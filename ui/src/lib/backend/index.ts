// The only module that talks to Tauri. Components call these typed functions; they never
// import @tauri-apps/* themselves, so the boundary with Rust is in one place.
import { invoke } from "@tauri-apps/api/core";
import { trackCall } from "../startup";
import type {
  Action,
  ActionInput,
  Answer,
  AnswerInput,
  AppInfo,
  Assessment,
  AssessmentDetail,
  AssessmentOverview,
  AssessmentSummary,
  AnsweringFile,
  AnsweringQuestion,
  AnsweringRequest,
  AnsweringSummary,
  ChecklistCatalogue,
  ChecklistInfo,
  Comparison,
  Contribution,
  ContributionAnswerInput,
  ContributionRequest,
  DeletionCounts,
  ErrorKind,
  Evidence,
  ExportFormat,
  Field,
  ImportReport,
  ImportedContribution,
  IpcError,
  OnConflict,
  OpenedRequest,
  Organisation,
  OrganisationInput,
  RequestInput,
  Settings,
  SignedOff,
  StartAssessment,
  ZoomChange,
} from "./bindings";

export type * from "./bindings";

const KNOWN_KINDS: readonly ErrorKind[] = [
  "not_found",
  "invalid_input",
  "conflict",
  "locked",
  "io",
  "internal",
];

/**
 * A failure from the back end: the kind the UI branches on, a message for the user, the form
 * field it concerns (if any) and, for an input with several problems, each problem.
 */
export class BackendError extends Error {
  readonly kind: ErrorKind;
  readonly field: Field | null;
  readonly problems: string[];

  constructor(kind: ErrorKind, message: string, field: Field | null = null, problems: string[] = []) {
    super(message);
    this.name = "BackendError";
    this.kind = kind;
    this.field = field;
    this.problems = problems;
  }
}

/** Turns whatever `invoke` rejected with into a BackendError; unknown shapes become `internal`. */
export function toBackendError(raw: unknown): BackendError {
  if (raw && typeof raw === "object" && "kind" in raw && "message" in raw) {
    const { kind, message, field, problems } = raw as Partial<IpcError>;
    if (kind && KNOWN_KINDS.includes(kind) && typeof message === "string") {
      const list = Array.isArray(problems) ? problems.filter((p) => typeof p === "string") : [];
      return new BackendError(kind, message, typeof field === "string" ? field : null, list);
    }
  }
  return new BackendError(
    "internal",
    "Something went wrong inside Yardstick. Try again; if it keeps happening, restart the app.",
  );
}

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await trackCall(invoke<T>(command, args));
  } catch (raw) {
    throw toBackendError(raw);
  }
}

export const listAssessments = (): Promise<AssessmentSummary[]> => call("list_assessments");
export const appInfo = (): Promise<AppInfo> => call("app_info");
export const loadAssessment = (id: number): Promise<AssessmentDetail> => call("load_assessment", { id });
export const assessmentOverview = (id: number): Promise<AssessmentOverview> =>
  call("assessment_overview", { id });
/** Starts an assessment, creating a new organisation and remembering the assessor in the same step. */
export const startAssessment = (input: StartAssessment): Promise<Assessment> =>
  call("start_new_assessment", { input });
/** Signs off and makes the sign-off backup; says where the backup went, or why there is none. */
export const finaliseAssessment = (id: number, approver: string): Promise<SignedOff> =>
  call("finalise_assessment", { id, approver });
export const reopenAssessment = (id: number, reason: string): Promise<Assessment> =>
  call("reopen_assessment", { id, reason });
export const loadExampleData = (): Promise<number[]> => call("load_example_data");

export const listOrganisations = (): Promise<Organisation[]> => call("list_organisations");
export const createOrganisation = (input: OrganisationInput): Promise<Organisation> =>
  call("create_organisation", { input });
export const updateOrganisation = (id: number, input: OrganisationInput): Promise<Organisation> =>
  call("update_organisation", { id, input });
export const organisationDeletionCounts = (id: number): Promise<DeletionCounts> =>
  call("organisation_deletion_counts", { id });
export const deleteOrganisation = (id: number): Promise<DeletionCounts> => call("delete_organisation", { id });

export const saveAnswer = (assessmentId: number, questionId: string, input: AnswerInput): Promise<Answer> =>
  call("save_answer", { assessmentId, questionId, input });

export const addNote = (assessmentId: number, questionId: string, note: string): Promise<Evidence> =>
  call("add_note", { assessmentId, questionId, note });
export const addLink = (assessmentId: number, questionId: string, url: string, note: string): Promise<Evidence> =>
  call("add_link", { assessmentId, questionId, url, note });
/** Opens the native file dialog; resolves to the attached items (empty if cancelled). */
export const attachFiles = (assessmentId: number, questionId: string): Promise<Evidence[]> =>
  call("attach_files", { assessmentId, questionId });
export const removeEvidence = (evidenceId: number): Promise<void> => call("remove_evidence", { evidenceId });
export const openEvidence = (evidenceId: number): Promise<void> => call("open_evidence", { evidenceId });

export const addAction = (assessmentId: number, input: ActionInput): Promise<Action> =>
  call("add_action", { assessmentId, input });
export const updateAction = (actionId: number, input: ActionInput): Promise<Action> =>
  call("update_action", { actionId, input });
export const removeAction = (actionId: number): Promise<void> => call("remove_action", { actionId });

export const listChecklists = (): Promise<ChecklistCatalogue> => call("list_checklists");
/** Opens the native file dialog for a checklist; `null` if cancelled. */
export const addChecklist = (): Promise<ChecklistInfo | null> => call("add_checklist");

export const getSettings = (): Promise<Settings> => call("get_settings");
/** Zooms the window one step in or out, or back to 100%; resolves to the new level (1 is 100%). */
export const changeZoom = (change: ZoomChange): Promise<number> => call("change_zoom", { change });
/** Opens the native save dialog and backs up everything there; resolves to its path, or `null` if cancelled. */
export const backUpNow = (): Promise<string | null> => call("back_up_now");
/** Opens the native open dialog and restores the chosen backup; resolves to where the replaced data was kept, or `null`. */
export const restoreBackup = (): Promise<string | null> => call("restore_backup");
export const saveSettings = (settings: Settings): Promise<Settings> => call("save_settings", { settings });

/**
 * Opens the native save dialog and writes the PDF; resolves to its path, or `null` if
 * cancelled. `compareWith` picks the comparison section's assessments (empty: the default).
 */
export const exportReportPdf = (assessmentId: number, compareWith: number[] = []): Promise<string | null> =>
  call("export_report_pdf", { assessmentId, compareWith });
export const openExportedReport = (): Promise<void> => call("open_exported_report");

/** Sets 2 to MAX_COMPARED assessments side by side; `allowPeer` when they include another council's. */
export const compareAssessments = (ids: number[], allowPeer: boolean): Promise<Comparison> =>
  call("compare_assessments", { ids, allowPeer });
/** This assessment and up to four earlier ones of its organisation, oldest first. */
export const defaultComparisonIds = (assessmentId: number): Promise<number[]> =>
  call("default_comparison_ids", { assessmentId });
/** Opens the native save dialog and writes the export; resolves to the paths written, or `null` if cancelled. */
export const exportAssessment = (assessmentId: number, format: ExportFormat): Promise<string[] | null> =>
  call("export_assessment", { assessmentId, format });
/** Opens the native open dialog and imports the chosen JSON export; `null` if cancelled. */
export const importAssessment = (asPeer: boolean, onConflict: OnConflict): Promise<ImportReport | null> =>
  call("import_assessment", { asPeer, onConflict });

// Contributions, the lead's side: ask colleagues, take their returned files in, review.
export const listContributionRequests = (assessmentId: number): Promise<ContributionRequest[]> =>
  call("list_contribution_requests", { assessmentId });
/** Checks the request, opens the native save dialog and writes it; `null` if cancelled (nothing is recorded then). */
export const requestContribution = (assessmentId: number, input: RequestInput): Promise<ContributionRequest | null> =>
  call("request_contribution", { assessmentId, input });
/** Opens the native open dialog for returned files and takes them in for review; `null` if cancelled. */
export const importContributions = (assessmentId: number): Promise<ImportedContribution[] | null> =>
  call("import_contributions", { assessmentId });
export const listContributions = (assessmentId: number): Promise<Contribution[]> =>
  call("list_contributions", { assessmentId });
/** Accepts the named questions of a contribution (`null`: every one still waiting). */
export const acceptContribution = (contributionId: number, questionIds: string[] | null): Promise<Contribution> =>
  call("accept_contribution", { contributionId, questionIds });
export const setAsideContribution = (contributionId: number, note: string): Promise<Contribution> =>
  call("set_aside_contribution", { contributionId, note });

// Contributions, the colleague's side: answer a request someone sent.
/** Opens the native open dialog for a request file and opens it to be answered; `null` if cancelled. */
export const openContributionRequest = (): Promise<OpenedRequest | null> => call("open_contribution_request");
export const listAnswering = (): Promise<AnsweringSummary[]> => call("list_answering");
export const loadAnswering = (id: number): Promise<AnsweringRequest> => call("load_answering", { id });
export const saveContributionAnswer = (id: number, questionId: string, input: ContributionAnswerInput): Promise<AnsweringQuestion> =>
  call("save_contribution_answer", { id, questionId, input });
/** Opens the native file dialog; resolves to the files attached (empty if cancelled). */
export const attachContributionFiles = (id: number, questionId: string): Promise<AnsweringFile[]> =>
  call("attach_contribution_files", { id, questionId });
export const removeContributionFile = (fileId: number): Promise<void> => call("remove_contribution_file", { fileId });
/** Opens the native save dialog and writes the contribution to send back; its path, or `null` if cancelled. */
export const saveContribution = (id: number): Promise<string | null> => call("save_contribution", { id });

/**
 * Runs `beforeClose` when the user closes the window; the window closes once it resolves to
 * `true`, and stays open (so the user can read why) when it resolves to `false`.
 */
export async function onWindowCloseRequested(beforeClose: () => Promise<boolean>): Promise<void> {
  // Fetched when first needed: the window API is not part of drawing the first screen.
  const { getCurrentWindow } = await import("@tauri-apps/api/window");
  await getCurrentWindow().onCloseRequested(async (event) => {
    if (!(await beforeClose())) event.preventDefault();
  });
}
