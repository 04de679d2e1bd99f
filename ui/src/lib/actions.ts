import type { Action, ActionInput, ActionStatus } from "./backend/bindings";

export const ACTION_STATUSES: ActionStatus[] = ["open", "in_progress", "done", "dropped"];

export const ACTION_STATUS_TEXT: Record<ActionStatus, string> = {
  open: "Open",
  in_progress: "In progress",
  done: "Done",
  dropped: "Dropped",
};

/** The editable fields of `action`, with `changes` applied: the update command replaces all. */
export function actionInput(action: Action, changes: Partial<ActionInput>): ActionInput {
  return {
    questionId: action.questionId,
    title: action.title,
    owner: action.owner,
    dueDate: action.dueDate,
    status: action.status,
    notes: action.notes,
    ...changes,
  };
}
