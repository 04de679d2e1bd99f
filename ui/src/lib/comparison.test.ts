import { describe, expect, it } from "vitest";
import type { AssessmentSummary } from "./backend/bindings";
import {
  comparableSeries,
  comparisonCandidates,
  selectionProblem,
  trendRuns,
} from "./comparison";

function summary(id: number, organisationId: number, period: string, peer = false, checklistId = "digital"): AssessmentSummary {
  return {
    id,
    organisationId,
    organisation: organisationId === 1 ? "Ashford" : "Bexley",
    period,
    checklistId,
    checklistTitle: checklistId === "digital" ? "Digital best practice checklist" : "Cyber Assessment Framework",
    scope: "",
    status: "final",
    assessor: "",
    answered: 7,
    questionCount: 7,
    overallLevel: 2,
    result: "",
    peer,
    peerSource: peer ? "bexley.json" : null,
    updatedAt: "2026-11-27T00:00:00Z",
  };
}

describe("comparisonCandidates", () => {
  it("offers the organisation's own assessments oldest first and only peer councils' from elsewhere", () => {
    const all = [summary(3, 1, "2026/27"), summary(1, 1, "2025/26"), summary(5, 2, "2026/27", true), summary(6, 3, "2026/27")];
    const { own, peers } = comparisonCandidates(all, { organisationId: 1, checklistId: "digital", scope: "" });
    expect(own.map((a) => a.id)).toEqual([1, 3]);
    // Another of the user's own organisations is not a peer: comparing it would mislabel it.
    expect(peers.map((a) => a.id)).toEqual([5]);
  });

  it("never offers an assessment against another checklist, or of another scope", () => {
    const service = { ...summary(8, 1, "2025/26"), scope: "Planning service" };
    const all = [summary(3, 1, "2026/27"), summary(1, 1, "2025/26"), summary(7, 1, "2025/26", false, "caf"), service, summary(9, 2, "2025/26", true, "caf")];
    const { own, peers } = comparisonCandidates(all, { organisationId: 1, checklistId: "digital", scope: "" });
    expect(own.map((a) => a.id)).toEqual([1, 3]);
    expect(peers).toEqual([]);
  });
});

describe("selectionProblem", () => {
  it("asks for two to ten assessments, the range the back end accepts", () => {
    expect(selectionProblem([1])).toMatch(/at least 2/);
    expect(selectionProblem([1, 2])).toBeNull();
    expect(selectionProblem([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11])).toMatch(/no more than 10/);
  });
});

describe("comparableSeries", () => {
  it("links only organisations with two of their own assessments, to the latest one", () => {
    const all = [summary(1, 1, "2025/26"), summary(3, 1, "2026/27"), summary(5, 2, "2025/26", true), summary(6, 2, "2026/27", true)];
    expect([...comparableSeries(all)]).toEqual([[1, [{ latestId: 3, checklistTitle: "Digital best practice checklist", scope: "" }]]]);
  });

  it("counts each checklist apart: one assessment of each of two checklists is nothing to compare", () => {
    const all = [summary(1, 1, "2025/26"), summary(2, 1, "2025/26", false, "caf"), summary(3, 1, "2026/27", false, "caf")];
    expect([...comparableSeries(all)]).toEqual([[1, [{ latestId: 3, checklistTitle: "Cyber Assessment Framework", scope: "" }]]]);
  });
});

describe("trendRuns", () => {
  it("spreads periods across the width and puts level 0 at the bottom and the top level at the top", () => {
    const [run] = trendRuns([0, 2, 4], 200, 100, 4);
    expect(run).toEqual([
      { x: 0, y: 100, value: 0 },
      { x: 100, y: 50, value: 2 },
      { x: 200, y: 0, value: 4 },
    ]);
  });

  it("breaks the line where a period has no level instead of inventing one", () => {
    const runs = trendRuns([1, null, 3], 200, 100, 4);
    expect(runs.map((r) => r.map((p) => p.value))).toEqual([[1], [3]]);
  });
});
