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

/** What an assessment is of: who, against which checklist, and of what within the organisation. */
export interface SeriesKey {
  organisationId: number;
  checklistId: string;
  scope: string;
}

const sameSeries = (a: AssessmentSummary, key: SeriesKey) =>
  a.organisationId === key.organisationId && a.checklistId === key.checklistId && a.scope === key.scope;

/**
 * What this assessment can be compared with: its organisation's against the same checklist
 * and scope, and peer councils' against the same checklist. Another checklist asks other
 * questions on another scale, so it is never offered.
 */
export function comparisonCandidates(all: AssessmentSummary[], key: SeriesKey): Candidates {
  const byPeriod = (a: AssessmentSummary, b: AssessmentSummary) =>
    a.organisation.localeCompare(b.organisation) || a.period.localeCompare(b.period);
  return {
    own: all.filter((a) => sameSeries(a, key)).sort(byPeriod),
    peers: all.filter((a) => a.organisationId !== key.organisationId && a.peer && a.checklistId === key.checklistId).sort(byPeriod),
  };
}

/** The reason the chosen set cannot be compared, or `null` when it can. */
export function selectionProblem(selected: number[]): string | null {
  if (selected.length < 2) return "Choose at least 2 assessments to compare";
  if (selected.length > MAX_COMPARED) return `Choose no more than ${MAX_COMPARED} assessments to compare`;
  return null;
}

/** A run of one organisation's assessments against one checklist and scope, to compare. */
export interface ComparableSeries {
  /** The latest assessment, whose compare screen the link opens. */
  latestId: number;
  checklistTitle: string;
  scope: string;
}

/**
 * Per organisation, each checklist and scope it has two or more of its own assessments of:
 * what the home screen offers to compare.
 */
export function comparableSeries(all: AssessmentSummary[]): Map<number, ComparableSeries[]> {
  const series = new Map<string, { latest: AssessmentSummary; count: number }>();
  for (const a of all) {
    if (a.peer) continue;
    const key = JSON.stringify([a.organisationId, a.checklistId, a.scope]);
    const found = series.get(key);
    if (!found) series.set(key, { latest: a, count: 1 });
    else {
      found.count += 1;
      if (a.period > found.latest.period) found.latest = a;
    }
  }
  const result = new Map<number, ComparableSeries[]>();
  for (const { latest, count } of series.values()) {
    if (count < 2) continue;
    const list = result.get(latest.organisationId) ?? [];
    list.push({ latestId: latest.id, checklistTitle: latest.checklistTitle, scope: latest.scope });
    result.set(latest.organisationId, list);
  }
  return result;
}

/** "Small checklist (Planning applications service)": what an assessment is of, for lists. */
export function checklistAndScope(a: { checklistTitle: string; scope: string }): string {
  return a.scope ? `${a.checklistTitle} (${a.scope})` : a.checklistTitle;
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
