// Pure helpers for the compare screen: which assessments can be compared with which, and the
// trend chart's geometry and description. Kept out of the components so they are tested
// without a webview.
import { MAX_COMPARED, type AssessmentSummary, type Comparison } from "./backend/bindings";

export { MAX_COMPARED };

export interface Candidates {
  /** The organisation's own assessments, oldest first. */
  own: AssessmentSummary[];
  /** Peer councils' imported assessments, by organisation then oldest first. */
  peers: AssessmentSummary[];
}

/** What this assessment can be compared with: its organisation's, and any peer council's. */
export function comparisonCandidates(all: AssessmentSummary[], organisationId: number): Candidates {
  const byPeriod = (a: AssessmentSummary, b: AssessmentSummary) =>
    a.organisation.localeCompare(b.organisation) || a.period.localeCompare(b.period);
  return {
    own: all.filter((a) => a.organisationId === organisationId).sort(byPeriod),
    peers: all.filter((a) => a.organisationId !== organisationId && a.peer).sort(byPeriod),
  };
}

/** The reason the chosen set cannot be compared, or `null` when it can. */
export function selectionProblem(selected: number[]): string | null {
  if (selected.length < 2) return "Choose at least 2 assessments to compare";
  if (selected.length > MAX_COMPARED) return `Choose no more than ${MAX_COMPARED} assessments to compare`;
  return null;
}

/** Organisations with two or more of their own assessments: those the home screen offers to compare. */
export function comparableOrganisations(all: AssessmentSummary[]): Map<number, number> {
  const latest = new Map<number, AssessmentSummary>();
  const counts = new Map<number, number>();
  for (const a of all) {
    if (a.peer) continue;
    counts.set(a.organisationId, (counts.get(a.organisationId) ?? 0) + 1);
    const current = latest.get(a.organisationId);
    if (!current || a.period > current.period) latest.set(a.organisationId, a);
  }
  const result = new Map<number, number>();
  for (const [organisationId, count] of counts) {
    if (count >= 2) result.set(organisationId, latest.get(organisationId)!.id);
  }
  return result;
}

export interface TrendPoint {
  x: number;
  y: number;
  value: number;
}

/**
 * Points of one line in a trend panel: periods spread evenly across `width`, values from 0
 * (bottom) to `max` (top). Gaps (no level) split the line into separate runs rather than
 * drawing a level nobody recorded.
 */
export function trendRuns(values: (number | null)[], width: number, height: number, max: number): TrendPoint[][] {
  const step = values.length > 1 ? width / (values.length - 1) : 0;
  const runs: TrendPoint[][] = [];
  let run: TrendPoint[] = [];
  values.forEach((value, index) => {
    if (value === null) {
      if (run.length) runs.push(run);
      run = [];
      return;
    }
    const x = values.length > 1 ? index * step : width / 2;
    run.push({ x, y: height - (Math.min(Math.max(value, 0), max) / max) * height, value });
  });
  if (run.length) runs.push(run);
  return runs;
}

/** The chart's text equivalent in brief: each line's values by period, for `aria-label`. */
export function trendDescription(comparison: Comparison): string {
  const labels = comparison.periods.map((p) => p.label);
  const series = (name: string, values: (number | null)[]) =>
    `${name}: ${values.map((v, i) => `${labels[i]} ${v === null ? "no level" : formatLevel(v)}`).join(", ")}`;
  return [
    series("Overall", comparison.periods.map((p) => p.overallScore)),
    ...comparison.questions.map((q) => series(`${q.number}. ${q.title}`, q.cells.map((c) => c.level))),
  ].join("; ");
}

/** Whole levels as they are; a mean to one decimal place. */
export function formatLevel(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}
