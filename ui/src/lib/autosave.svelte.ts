// Saves a form as it is edited: at most one save in flight, the newest value always wins, and
// the status is visible ("Saving…", "Saved", "Not saved") so people can trust it.

export type SaveState = "idle" | "saving" | "saved" | "failed";

/** Every autosaver on screen, so closing the window can wait for all of them. */
const live = new Set<Autosaver<unknown>>();

/**
 * Saves whatever is still waiting in every form on screen; `false` if any save failed (the
 * failure is shown beside its form, so the window should stay open).
 */
export async function flushAllAutosavers(): Promise<boolean> {
  await Promise.all([...live].map((saver) => saver.flush()));
  return [...live].every((saver) => saver.state !== "failed");
}

export class Autosaver<T> {
  state = $state<SaveState>("idle");
  error = $state("");
  private pending: T | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly save: (value: T) => Promise<unknown>,
    private readonly delayMs = 500,
  ) {
    live.add(this as Autosaver<unknown>);
  }

  /** Flushes what is waiting and stops taking part in the close-time flush. */
  async dispose(): Promise<void> {
    await this.flush();
    live.delete(this as Autosaver<unknown>);
  }

  /** Saves `value` after a short pause in typing; a newer value replaces an unsaved one. */
  schedule(value: T): void {
    this.pending = value;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), this.delayMs);
  }

  /** Saves now whatever is waiting (after any save already under way). */
  async flush(): Promise<void> {
    clearTimeout(this.timer);
    while (this.running) await this.running;
    if (this.pending === undefined) return;
    const value = this.pending;
    this.pending = undefined;
    this.state = "saving";
    this.running = this.save(value).then(
      () => {
        if (this.pending === undefined) this.state = "saved";
      },
      (error: unknown) => {
        // Keep the value so "Retry" (or the next edit) sends it again.
        this.pending ??= value;
        this.state = "failed";
        this.error = error instanceof Error ? error.message : String(error);
      },
    );
    await this.running;
    this.running = undefined;
    // The save callbacks above change `state`; read it afresh rather than as narrowed here.
    const failed = (this.state as SaveState) === "failed";
    if (this.pending !== undefined && !failed) await this.flush();
  }

  get hasUnsaved(): boolean {
    return this.pending !== undefined;
  }
}
