import { describe, expect, it } from "vitest";
import { groupByOrganisation } from "./assessments";
import type { AssessmentSummary } from "./backend/bindings";

function summary(id: number, organisationId: number, organisation: string, period: string): AssessmentSummary {
  return {
    id,
    organisationId,
    organisation,
    period,
    checklistId: "digital-best-practice",
    checklistTitle: "Digital best practice checklist",
    scope: "",
    status: "draft",
    assessor: "",
    answered: 0,
    questionCount: 7,
    overallLevel: null,
    result: "",
    peer: false,
    peerSource: null,
    updatedAt: "2026-11-27T00:00:00Z",
  };
}

describe("groupByOrganisation", () => {
  it("keeps each organisation's assessments together, in the order the back end sorted them", () => {
    const groups = groupByOrganisation([
      summary(3, 1, "Ashford", "2026/27"),
      summary(1, 1, "Ashford", "2025/26"),
      summary(2, 2, "Bexley", "2026/27"),
    ]);
    expect(groups.map((g) => g.organisation)).toEqual(["Ashford", "Bexley"]);
    expect(groups[0].assessments.map((a) => a.period)).toEqual(["2026/27", "2025/26"]);
  });

  it("gives no groups for no assessments, so the home screen shows its empty state", () => {
    expect(groupByOrganisation([])).toEqual([]);
  });
});
