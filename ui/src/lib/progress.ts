// How far along each question and the whole assessment are, as the task list shows it.
import type { AssessmentDetail, Checklist, Level } from "./backend/bindings";

export type TaskStatus = "not-started" | "in-progress" | "completed";

export const TASK_STATUS_TEXT: Record<TaskStatus, string> = {
  "not-started": "Not started",
  "in-progress": "In progress",
  completed: "Completed",
};

/**
 * A question is completed once it has a level and a rationale saved in this assessment;
 * anything carried forward from last year stays "in progress" until the assessor reviews
 * and saves it, so nothing is signed off unread.
 */
export function questionStatus(detail: AssessmentDetail, questionId: string): TaskStatus {
  const answer = detail.answers.find((a) => a.questionId === questionId);
  const hasEvidence = detail.evidence.some((e) => e.questionId === questionId);
  if (answer && answer.level !== null && answer.rationale.trim() !== "" && !answer.carriedForward) {
    return "completed";
  }
  const touched =
    hasEvidence ||
    (answer !== undefined &&
      (answer.level !== null || answer.rationale.trim() !== "" || answer.confidence !== null || answer.targetLevel !== null));
  return touched ? "in-progress" : "not-started";
}

export function completedCount(detail: AssessmentDetail): number {
  return detail.checklist.questions.filter((q) => questionStatus(detail, q.id) === "completed").length;
}

/** The levels of the scale a question is judged on (the checklist's first scale when the
 * question is not named, as for an overall level, which only averaged checklists have). */
export function levelsOf(checklist: Checklist, questionId?: string): Level[] {
  const question = questionId === undefined ? undefined : checklist.questions.find((q) => q.id === questionId);
  const scale = checklist.scales.find((s) => s.id === question?.scale) ?? checklist.scales[0];
  return scale?.levels ?? [];
}

/** "Level 2: Developing", or "Not assessed" when there is no level. */
export function levelText(detail: AssessmentDetail, level: number | null | undefined, questionId?: string): string {
  if (level === null || level === undefined) return "Not assessed";
  const label = levelsOf(detail.checklist, questionId)[level]?.label;
  return label ? `Level ${level}: ${label}` : `Level ${level}`;
}

export function isReadOnly(detail: AssessmentDetail): boolean {
  return detail.assessment.status === "final" || detail.assessment.peer;
}
