import { describe, expect, it } from "vitest";
import type { Answer, AssessmentDetail, Evidence } from "./backend/bindings";
import { completedCount, levelText, questionStatus } from "./progress";

function detail(answers: Partial<Answer>[], evidence: Partial<Evidence>[] = []): AssessmentDetail {
  return {
    assessment: { status: "draft", peer: false } as AssessmentDetail["assessment"],
    organisation: {} as AssessmentDetail["organisation"],
    checklist: {
      scales: [
        {
          id: "maturity",
          title: "Maturity",
          levels: [
            { level: 0, label: "Not started", meaning: "", colour: null },
            { level: 1, label: "Emerging", meaning: "", colour: null },
          ],
        },
      ],
      questions: [{ id: "promotion" }, { id: "user-centred" }],
    } as AssessmentDetail["checklist"],
    answers: answers.map((a) => ({
      questionId: "promotion",
      level: null,
      rationale: "",
      confidence: null,
      targetLevel: null,
      carriedForward: false,
      notApplicable: null,
      updatedAt: "",
      ...a,
    })),
    evidence: evidence as Evidence[],
    actions: [],
    overallLevel: null,
    results: {} as AssessmentDetail["results"],
  };
}

describe("questionStatus", () => {
  it("is not started when nothing has been recorded", () => {
    expect(questionStatus(detail([]), "promotion")).toBe("not-started");
  });

  it("is in progress with a level but no rationale, because the report needs the reasoning", () => {
    expect(questionStatus(detail([{ level: 1 }]), "promotion")).toBe("in-progress");
  });

  it("is completed with a level and a rationale", () => {
    expect(questionStatus(detail([{ level: 1, rationale: "Monthly reports" }]), "promotion")).toBe("completed");
  });

  it("keeps last year's carried-forward answer in progress until the assessor saves it", () => {
    const carried = detail([{ level: 1, rationale: "Last year", carriedForward: true }]);
    expect(questionStatus(carried, "promotion")).toBe("in-progress");
  });

  it("counts evidence alone as progress", () => {
    expect(questionStatus(detail([], [{ questionId: "promotion" }]), "promotion")).toBe("in-progress");
  });

  it("counts completed questions for the overall progress line", () => {
    expect(completedCount(detail([{ level: 1, rationale: "Yes" }]))).toBe(1);
  });
});

describe("levelText", () => {
  it("names the level with the checklist's own label", () => {
    expect(levelText(detail([]), 1)).toBe("Level 1: Emerging");
  });

  it("says not assessed for no level rather than showing 0", () => {
    expect(levelText(detail([]), null)).toBe("Not assessed");
  });
});
