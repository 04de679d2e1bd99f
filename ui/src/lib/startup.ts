// Start-up: the home screen's data handed over with the page, and the marks of the moment the
// first screen is complete (mounted, every backend call it started answered, the result laid
// out in a frame). The marks, in the page's Performance timeline, are how start-up is measured
// against a bare window (e2e/performance.e2e.ts); they cost nothing to a user.

import type { HomeSnapshot } from "./backend/bindings";

/**
 * The frame that first draws the complete screen, laid out and about to be painted: the point
 * in a frame at which WebKit stamps first-contentful-paint (after layout, before painting), so
 * the two compare like for like.
 */
export const SETTLED_MARK = "yardstick:settled";
/** The same frame once painted: the settled mark plus the time to paint it. */
export const PAINTED_MARK = "yardstick:settled-painted";

let inFlight = 0;
let watching = false;
let marked = false;

/** Counts a backend call made before the first screen settled. */
export function trackCall<T>(call: Promise<T>): Promise<T> {
  if (marked) return call;
  inFlight++;
  const done = () => {
    inFlight--;
    if (watching) checkSettled();
  };
  call.then(done, done);
  return call;
}

/** Called once the app is mounted: from here, the first quiet moment is the settled one. */
export function watchForSettled(): void {
  watching = true;
  checkSettled();
}

function checkSettled() {
  if (marked || inFlight > 0) return;
  // A call's answer is applied to the page in the microtasks that follow it, so the next frame
  // is the first to draw it; look again then in case that answer started further calls.
  // Forcing the layout the frame is about to do anyway puts the mark where WebKit stamps
  // first-contentful-paint.
  requestAnimationFrame(() => {
    if (marked || inFlight > 0) return;
    marked = true;
    document.documentElement.getBoundingClientRect();
    performance.mark(SETTLED_MARK);
    // Work waiting for the first screen runs once the frame has been painted.
    setTimeout(() => {
      performance.mark(PAINTED_MARK);
      for (const work of waitingForSettled.splice(0)) work();
    });
  });
}

const waitingForSettled: (() => void)[] = [];

/** How long work waits for the first screen to settle: a hidden window may never paint. */
const SETTLE_WAIT_MS = 1_000;

/**
 * Runs `work` once the first screen has settled (at once if it has), so it never delays it,
 * and at the latest after a second.
 */
export function afterSettled(work: () => void): void {
  if (marked) return work();
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    work();
  };
  waitingForSettled.push(once);
  setTimeout(once, SETTLE_WAIT_MS);
}

/** For tests: forget that the mark was made. */
export function resetStartup(): void {
  inFlight = 0;
  watching = false;
  marked = false;
  waitingForSettled.length = 0;
}

declare global {
  interface Window {
    /** Set by the app before the page's scripts run (src-tauri/src/first_screen.rs). */
    __YARDSTICK_HOME__?: HomeSnapshot;
  }
}

const SNAPSHOT_TAKEN = "yardstick:home-snapshot-taken";

/**
 * The home screen's data as the app read it just before opening the window, so the first
 * screen is drawn whole without waiting on the backend. It is given out once: later visits
 * to the home screen ask the backend, and so does a reloaded page, whose snapshot would be
 * as old as the window (the session storage survives a reload).
 */
export function takeHomeSnapshot(): HomeSnapshot | null {
  const snapshot = window.__YARDSTICK_HOME__ ?? null;
  delete window.__YARDSTICK_HOME__;
  if (!snapshot) return null;
  try {
    if (sessionStorage.getItem(SNAPSHOT_TAKEN)) return null;
    sessionStorage.setItem(SNAPSHOT_TAKEN, "1");
  } catch {
    // Without storage a reload cannot be told apart; asking the backend is always right.
    return null;
  }
  return snapshot;
}
