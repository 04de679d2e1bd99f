import { describe, expect, it, vi } from "vitest";
import { Autosaver } from "./autosave.svelte";

describe("Autosaver", () => {
  it("sends only the newest value when edits come faster than saves", async () => {
    const saved: string[] = [];
    const saver = new Autosaver<string>(async (v) => void saved.push(v), 10_000);
    saver.schedule("a");
    saver.schedule("ab");
    saver.schedule("abc");
    await saver.flush();
    expect(saved).toEqual(["abc"]);
    expect(saver.state).toBe("saved");
  });

  it("keeps a failed value so a retry sends it, and says it was not saved", async () => {
    let fail = true;
    const saved: string[] = [];
    const saver = new Autosaver<string>(async (v) => {
      if (fail) throw new Error("disk full");
      saved.push(v);
    }, 10_000);
    saver.schedule("typed text");
    await saver.flush();
    expect(saver.state).toBe("failed");
    expect(saver.error).toBe("disk full");
    fail = false;
    await saver.flush();
    expect(saved).toEqual(["typed text"]);
    expect(saver.state).toBe("saved");
  });

  it("never runs two saves at once, so an older save cannot overwrite a newer one", async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    const saver = new Autosaver<number>(async () => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await new Promise((r) => setTimeout(r, 5));
      inFlight--;
    }, 10_000);
    saver.schedule(1);
    const first = saver.flush();
    saver.schedule(2);
    await Promise.all([first, saver.flush()]);
    expect(maxInFlight).toBe(1);
  });

  it("saves by itself after the pause in typing", async () => {
    vi.useFakeTimers();
    const save = vi.fn(async () => undefined);
    const saver = new Autosaver<string>(save, 500);
    saver.schedule("x");
    expect(save).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(600);
    expect(save).toHaveBeenCalledWith("x");
    vi.useRealTimers();
  });
});
