/**
 * "Append mine" after a conflict: their note, then what the rep added. When the rep only added
 * to the note they started from, just the addition is appended, not the whole note twice.
 */
export function appendNote(theirs: string, mine: string, original: string): string {
  const added = original && mine.startsWith(original) ? mine.slice(original.length).replace(/^\n/, '') : mine;
  if (!added) return theirs;
  return theirs ? `${theirs}\n${added}` : added;
}
