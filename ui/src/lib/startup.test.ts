import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { SETTLED_MARK, resetStartup, trackCall, watchForSettled } from "./startup";

const marks = () => performance.getEntriesByName(SETTLED_MARK);
const frames = () => new Promise((resolve) => setTimeout(resolve, 30));

describe("the start-up settled mark", () => {
  beforeEach(() => {
    resetStartup();
    performance.clearMarks();
    vi.stubGlobal("requestAnimationFrame", (draw: () => void) => setTimeout(draw, 1));
  });
  afterEach(() => vi.unstubAllGlobals());

  it("waits for every call the first screen made, then marks once", async () => {
    let answer!: () => void;
    trackCall(new Promise<void>((resolve) => (answer = resolve)));
    watchForSettled();
    await frames();
    expect(marks()).toHaveLength(0);
    answer();
    await frames();
    expect(marks()).toHaveLength(1);
    // Later calls (the user at work) do not move it.
    await trackCall(Promise.resolve());
    await frames();
    expect(marks()).toHaveLength(1);
  });

  it("counts a failed call as answered", async () => {
    const failed = trackCall(Promise.reject(new Error("no database")));
    watchForSettled();
    await failed.catch(() => undefined);
    await frames();
    expect(marks()).toHaveLength(1);
  });

  it("marks a screen that asked for nothing once it has been drawn", async () => {
    watchForSettled();
    await frames();
    expect(marks()).toHaveLength(1);
  });
});
