import { describe, expect, it } from "vitest";
import type { Answer, AssessmentDetail, Evidence } from "./backend/bindings";
import type { Checklist } from "./backend/bindings";
import { answerText, completedCount, levelText, questionLabel, questionStatus, questionsIn, taskGroups } from "./progress";

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
    contributors: {},
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

  it("is completed when judged not applicable with a reason, which needs no level", () => {
    expect(questionStatus(detail([{ notApplicable: "No such service here" }]), "promotion")).toBe("completed");
    expect(answerText(detail([{ notApplicable: "No such service here" }]), "promotion")).toBe("Not applicable");
  });

  it("does not count a target alone as progress, since a profile sets every target at the start", () => {
    expect(questionStatus(detail([{ targetLevel: 1 }]), "promotion")).toBe("not-started");
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

describe("taskGroups", () => {
  const group = (id: string, code: string, parent: string | null = null) => ({ id, code, title: `Group ${code}`, summary: "", parent });
  const question = (id: string, code: string, g: string | null) => ({ id, code, title: `Outcome ${code}`, group: g });

  it("puts principles under their objective and questions under their group, in file order", () => {
    const checklist = {
      groups: [group("a", "A"), group("a1", "A1", "a"), group("a2", "A2", "a"), group("b", "B")],
      questions: [question("q1", "A1.a", "a1"), question("q2", "A2.a", "a2"), question("q3", "A2.b", "a2"), question("q4", "B.a", "b")],
    } as unknown as Checklist;
    const tree = taskGroups(checklist);
    expect(tree.map((n) => n.group?.code)).toEqual(["A", "B"]);
    expect(tree[0].children.map((n) => n.group?.code)).toEqual(["A1", "A2"]);
    expect(tree[0].children[1].questions.map((q) => q.code)).toEqual(["A2.a", "A2.b"]);
    expect(questionsIn(tree[0]).map((q) => q.id)).toEqual(["q1", "q2", "q3"]);
    expect(tree[1].questions.map((q) => q.id)).toEqual(["q4"]);
  });

  it("is one untitled group for a checklist without groups", () => {
    const checklist = { groups: [], questions: [question("q1", "1", null)] } as unknown as Checklist;
    expect(taskGroups(checklist)).toEqual([{ group: null, questions: checklist.questions, children: [] }]);
  });

  it("names a question by number or by code", () => {
    expect(questionLabel({ code: "3", title: "Promotion" })).toBe("3. Promotion");
    expect(questionLabel({ code: "A1.a", title: "Board direction" })).toBe("A1.a Board direction");
  });
});
