// Marks the moment the first screen is complete: mounted, every backend call it started has
// answered, and the result has been painted. The mark ("yardstick:settled", in the page's
// Performance timeline) is how start-up is measured against a bare window
// (e2e/performance.e2e.ts); it costs nothing to a user.

export const SETTLED_MARK = "yardstick:settled";

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
  // A call's answer is applied to the page in a later task; wait a frame for it to be drawn,
  // then look again in case it started further calls.
  requestAnimationFrame(() =>
    setTimeout(() => {
      if (marked || inFlight > 0) return;
      marked = true;
      performance.mark(SETTLED_MARK);
    }),
  );
}

/** For tests: forget that the mark was made. */
export function resetStartup(): void {
  inFlight = 0;
  watching = false;
  marked = false;
}
