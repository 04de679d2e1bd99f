import { describe, expect, it } from "vitest";
import { href, parseRoute, type Route } from "./router.svelte";

describe("routes", () => {
  const routes: Route[] = [
    { name: "home" },
    { name: "start" },
    { name: "settings" },
    { name: "tasks", assessmentId: 3 },
    { name: "question", assessmentId: 3, questionId: "promotion" },
    { name: "summary", assessmentId: 12 },
    { name: "signoff", assessmentId: 12 },
    { name: "compare", assessmentId: 12 },
    { name: "contributions", assessmentId: 12 },
    { name: "contribution", assessmentId: 12, contributionId: 4 },
    { name: "answering", requestId: 2 },
    { name: "answering-question", requestId: 2, questionId: "end-to-end" },
  ];

  it.each(routes)("round-trips $name through its link, so every link opens the screen it names", (route) => {
    expect(parseRoute(href(route))).toEqual(route);
  });

  it("treats an empty hash as home, which is where the app opens", () => {
    expect(parseRoute("")).toEqual({ name: "home" });
  });

  it("refuses an assessment id that is not a positive whole number instead of asking the back end", () => {
    expect(parseRoute("#/assessments/abc").name).toBe("not-found");
    expect(parseRoute("#/assessments/-1").name).toBe("not-found");
    expect(parseRoute("#/assessments/3/contributions/0").name).toBe("not-found");
    expect(parseRoute("#/requests/x").name).toBe("not-found");
  });
});
