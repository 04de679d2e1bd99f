// One assessment loaded for a screen, with a reload after changes made elsewhere.
import { loadAssessment, type AssessmentDetail, BackendError, toBackendError } from "./backend";

export class AssessmentView {
  detail = $state<AssessmentDetail | null>(null);
  error = $state<BackendError | null>(null);

  /** Takes a getter so a screen keeps following its `assessmentId` prop. */
  constructor(private readonly id: () => number) {}

  async load(): Promise<void> {
    try {
      this.detail = await loadAssessment(this.id());
      this.error = null;
    } catch (e) {
      this.error = e instanceof BackendError ? e : toBackendError(e);
    }
  }

  /** "Example District Council 2026/27", for headings and titles. */
  get name(): string {
    if (!this.detail) return "";
    const { organisation, assessment } = this.detail;
    return `${organisation.name} ${assessment.period}${assessment.scope ? `, ${assessment.scope}` : ""}`;
  }
}
