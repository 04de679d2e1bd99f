// The words for what an export wrote. (What an import did comes from the core, in the same
// words the command line prints.)

/** The sentence after an export: where the file (or, for CSV, both files) went. */
export function exportedText(paths: string[]): string {
  if (paths.length === 2) return `The answers were saved as ${paths[0]} and the actions as ${paths[1]}.`;
  return `The assessment was saved as ${paths[0]}.`;
}
