import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { PAINTED_MARK, SETTLED_MARK, afterSettled, resetStartup, takeHomeSnapshot, trackCall, watchForSettled } from "./startup";
import type { HomeSnapshot } from "./backend/bindings";

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

  it("marks a screen that asked for nothing in its next frame, and again once that is painted", async () => {
    watchForSettled();
    await frames();
    expect(marks()).toHaveLength(1);
    const [settled] = marks();
    const [painted] = performance.getEntriesByName(PAINTED_MARK);
    expect(painted.startTime).toBeGreaterThanOrEqual(settled.startTime);
  });

  it("looks again in the frame, and waits for a call started after the screen went quiet", async () => {
    let draw!: () => void;
    vi.stubGlobal("requestAnimationFrame", (callback: () => void) => (draw = callback));
    watchForSettled();
    let answer!: () => void;
    trackCall(new Promise<void>((resolve) => (answer = resolve)));
    draw();
    expect(marks()).toHaveLength(0);
    answer();
    await Promise.resolve();
    await Promise.resolve();
    draw();
    expect(marks()).toHaveLength(1);
    await frames();
    expect(performance.getEntriesByName(PAINTED_MARK)).toHaveLength(1);
  });

  it("runs work waiting for the first screen after the mark, once", async () => {
    let answer!: () => void;
    trackCall(new Promise<void>((resolve) => (answer = resolve)));
    watchForSettled();
    const ran: string[] = [];
    afterSettled(() => ran.push(performance.getEntriesByName(SETTLED_MARK).length ? "after the mark" : "too early"));
    await frames();
    expect(ran).toEqual([]);
    answer();
    await frames();
    expect(ran).toEqual(["after the mark"]);
    afterSettled(() => ran.push("at once"));
    expect(ran).toEqual(["after the mark", "at once"]);
  });

  it("runs waiting work after a second even if the window never paints", () => {
    vi.useFakeTimers();
    try {
      vi.stubGlobal("requestAnimationFrame", () => 0);
      watchForSettled();
      let ran = 0;
      afterSettled(() => ran++);
      vi.advanceTimersByTime(999);
      expect(ran).toBe(0);
      vi.advanceTimersByTime(1);
      expect(ran).toBe(1);
      vi.advanceTimersByTime(5_000);
      expect(ran).toBe(1);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe("the home screen's data handed over with the page", () => {
  const snapshot: HomeSnapshot = { assessments: [], organisations: [], answering: [] };
  beforeEach(() => sessionStorage.clear());
  afterEach(() => delete window.__YARDSTICK_HOME__);

  it("is given out once, then the screen asks the backend", () => {
    window.__YARDSTICK_HOME__ = snapshot;
    expect(takeHomeSnapshot()).toBe(snapshot);
    expect(window.__YARDSTICK_HOME__).toBeUndefined();
    expect(takeHomeSnapshot()).toBeNull();
  });

  it("is not used by a reloaded page, whose copy is as old as the window", () => {
    window.__YARDSTICK_HOME__ = snapshot;
    expect(takeHomeSnapshot()).toBe(snapshot);
    // A reload runs the app's script again with the same data; the session remembers.
    window.__YARDSTICK_HOME__ = snapshot;
    expect(takeHomeSnapshot()).toBeNull();
  });

  it("is absent when the app could not read the database", () => {
    expect(takeHomeSnapshot()).toBeNull();
  });
});
