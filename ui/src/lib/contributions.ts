// Words for contributions, shared by the lead's screens and the colleague's.
import type { AnsweringQuestion, Checklist, Confidence, Contribution, ContributionAnswerInput } from "./backend";

/** "3 March 2027" from a date or an RFC 3339 time; the text itself if it is neither. */
export function formatDate(value: string): string {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00Z`) : new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return date.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
}

/** "1 Promotion, 3 End to end" for a few questions; a count beyond five. */
export function questionsAsked(checklist: Checklist, ids: string[]): string {
  const listed = 5;
  const names = checklist.questions.filter((q) => ids.includes(q.id)).map((q) => `${q.code} ${q.title}`);
  if (names.length <= listed) return names.join(", ");
  return `${names.slice(0, listed).join(", ")} and ${names.length - listed} more`;
}

/** Where the lead's decisions on a contribution stand, in words. */
export function contributionStatus(contribution: Contribution): string {
  const count = (decision: string) => contribution.answers.filter((a) => a.decision === decision).length;
  const waiting = count("pending");
  const accepted = count("accepted");
  const setAside = count("set_aside");
  const parts = [
    waiting > 0 ? `${waiting} waiting for review` : "",
    accepted > 0 ? `${accepted} accepted` : "",
    setAside > 0 ? `${setAside} set aside` : "",
  ].filter(Boolean);
  return parts.join(", ") || "Nothing answered";
}

export const CONFIDENCE_TEXT: Record<Confidence, string> = { low: "Low", medium: "Medium", high: "High" };

/** True when the colleague has said anything about the question. */
export function isAnswered(question: AnsweringQuestion): boolean {
  const a = question.answer;
  return (
    a.level !== null ||
    a.notApplicable !== null ||
    a.rationale !== "" ||
    a.confidence !== null ||
    a.targetLevel !== null ||
    a.evidenceNotes !== "" ||
    a.links.length > 0 ||
    question.files.length > 0
  );
}

/** Links typed one per line, blank lines dropped. */
export function linksFrom(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "");
}

/** An empty answer, as the form starts. */
export function emptyAnswer(): ContributionAnswerInput {
  return { level: null, notApplicable: null, rationale: "", confidence: null, targetLevel: null, evidenceNotes: "", links: [] };
}

/** "1.2 MB", "340 KB", "12 bytes". */
export function fileSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}
