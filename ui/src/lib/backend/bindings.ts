// placeholder until generated
export type ErrorKind = "not_found" | "invalid_input" | "conflict" | "locked" | "io" | "internal";
export type IpcError = { kind: ErrorKind; message: string };
export type AppInfo = { version: string; databasePath: string };
export type AssessmentSummary = { id: number; organisationId: number; organisation: string; period: string; status: string; assessor: string; answered: number; questionCount: number; updatedAt: string };
