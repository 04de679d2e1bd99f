// The only module that talks to Tauri. Components call these typed functions; they never
// import @tauri-apps/* themselves, so the boundary with Rust is in one place.
import { invoke } from "@tauri-apps/api/core";
import type { AppInfo, AssessmentSummary, ErrorKind, IpcError } from "./bindings";

export type { AppInfo, AssessmentSummary, ErrorKind, IpcError } from "./bindings";

const KNOWN_KINDS: readonly ErrorKind[] = [
  "not_found",
  "invalid_input",
  "conflict",
  "locked",
  "io",
  "internal",
];

/** A failure from the back end, with the kind the UI branches on and a message for the user. */
export class BackendError extends Error {
  readonly kind: ErrorKind;

  constructor(kind: ErrorKind, message: string) {
    super(message);
    this.name = "BackendError";
    this.kind = kind;
  }
}

/** Turns whatever `invoke` rejected with into a BackendError; unknown shapes become `internal`. */
export function toBackendError(raw: unknown): BackendError {
  if (raw && typeof raw === "object" && "kind" in raw && "message" in raw) {
    const { kind, message } = raw as IpcError;
    if (KNOWN_KINDS.includes(kind) && typeof message === "string") {
      return new BackendError(kind, message);
    }
  }
  return new BackendError(
    "internal",
    "Something went wrong inside Yardstick. Try again; if it keeps happening, restart the app.",
  );
}

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (raw) {
    throw toBackendError(raw);
  }
}

export function listAssessments(): Promise<AssessmentSummary[]> {
  return call("list_assessments");
}

export function appInfo(): Promise<AppInfo> {
  return call("app_info");
}
