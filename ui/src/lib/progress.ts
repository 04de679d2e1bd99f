// How far along each question and the whole assessment are, as the task list shows it.
import type { AssessmentDetail, Checklist, Group, Level, Question } from "./backend/bindings";

export type TaskStatus = "not-started" | "in-progress" | "completed";

export const TASK_STATUS_TEXT: Record<TaskStatus, string> = {
  "not-started": "Not started",
  "in-progress": "In progress",
  completed: "Completed",
};

/**
 * A question is completed once it has a level and a rationale saved in this assessment, or is
 * judged not applicable with its reason; anything carried forward from last year stays "in
 * progress" until the assessor reviews and saves it, so nothing is signed off unread. A target
 * alone is not progress: a target profile sets every target before anything is assessed.
 */
export function questionStatus(detail: AssessmentDetail, questionId: string): TaskStatus {
  const answer = detail.answers.find((a) => a.questionId === questionId);
  const hasEvidence = detail.evidence.some((e) => e.questionId === questionId);
  const notApplicable = (answer?.notApplicable ?? "").trim() !== "";
  if (answer && !answer.carriedForward && ((answer.level !== null && answer.rationale.trim() !== "") || notApplicable)) {
    return "completed";
  }
  const touched =
    hasEvidence ||
    (answer !== undefined &&
      (answer.level !== null ||
        notApplicable ||
        answer.rationale.trim() !== "" ||
        answer.confidence !== null));
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

/** The level as the task list and summary say it: "Level 2: Developing", or "Not applicable". */
export function answerText(detail: AssessmentDetail, questionId: string): string {
  const answer = detail.answers.find((a) => a.questionId === questionId);
  if (answer?.notApplicable != null) return "Not applicable";
  return levelText(detail, answer?.level, questionId);
}

/** "3. Promotion" or "A1.a Governance": how a link or a row names a question. */
export function questionLabel(question: Pick<Question, "code" | "title">): string {
  return /^\d+$/.test(question.code) ? `${question.code}. ${question.title}` : `${question.code} ${question.title}`;
}

/** "Question", "Outcome": the checklist's word, for the start of a sentence. */
export function capitalised(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** One group of the task list: its questions, and (for an objective) its principles. */
export interface TaskGroup {
  group: Group | null;
  questions: Question[];
  children: TaskGroup[];
}

/**
 * The checklist's questions under its objectives and principles, in file order; a checklist
 * without groups is one untitled group.
 */
export function taskGroups(checklist: Checklist): TaskGroup[] {
  if (checklist.groups.length === 0) return [{ group: null, questions: checklist.questions, children: [] }];
  const byId = new Map<string, TaskGroup>(checklist.groups.map((g) => [g.id, { group: g, questions: [], children: [] }]));
  const top: TaskGroup[] = [];
  for (const g of checklist.groups) {
    const node = byId.get(g.id)!;
    const parent = g.parent ? byId.get(g.parent) : undefined;
    if (parent) parent.children.push(node);
    else top.push(node);
  }
  for (const q of checklist.questions) {
    const node = q.group ? byId.get(q.group) : undefined;
    node?.questions.push(q);
  }
  return top;
}

/** Every question in a group and the groups inside it. */
export function questionsIn(node: TaskGroup): Question[] {
  return [...node.questions, ...node.children.flatMap(questionsIn)];
}
