import { describe, expect, it } from "vitest";
import type { Checklist, Contribution } from "./backend";
import { contributionStatus, fileSize, formatDate, linksFrom, questionsAsked } from "./contributions";

describe("contributions in words", () => {
  it("writes dates the way a UK reader does, whether a day or a moment was stored", () => {
    expect(formatDate("2027-03-31")).toBe("31 March 2027");
    expect(formatDate("2027-03-03T09:00:00.000Z")).toBe("3 March 2027");
    expect(formatDate("not a date")).toBe("not a date");
  });

  it("names a few questions and counts the rest, so a long request stays one line", () => {
    const checklist = {
      questions: Array.from({ length: 8 }, (_, i) => ({ id: `q${i}`, code: String(i + 1), title: `Title ${i + 1}` })),
    } as unknown as Checklist;
    expect(questionsAsked(checklist, ["q2", "q0"])).toBe("1 Title 1, 3 Title 3");
    expect(questionsAsked(checklist, checklist.questions.map((q) => q.id))).toBe(
      "1 Title 1, 2 Title 2, 3 Title 3, 4 Title 4, 5 Title 5 and 3 more",
    );
  });

  it("says where the lead's decisions stand", () => {
    const answers = (decisions: string[]) =>
      ({ answers: decisions.map((decision) => ({ decision })) }) as unknown as Contribution;
    expect(contributionStatus(answers(["pending", "pending"]))).toBe("2 waiting for review");
    expect(contributionStatus(answers(["accepted", "set_aside"]))).toBe("1 accepted, 1 set aside");
  });

  it("reads links one per line and drops blank lines", () => {
    expect(linksFrom(" https://a.example \n\n https://b.example\r\n")).toEqual(["https://a.example", "https://b.example"]);
  });

  it("gives file sizes in the unit a reader expects", () => {
    expect(fileSize(12)).toBe("12 bytes");
    expect(fileSize(340 * 1024)).toBe("340 KB");
    expect(fileSize(1.25 * 1024 * 1024)).toBe("1.3 MB");
  });
});
