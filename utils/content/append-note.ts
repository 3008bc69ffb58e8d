// Moved to utils/panel/append-note.ts (issue 11); kept for utils/note-content.ts until it imports it from there.
export { appendNote } from '../panel/append-note';
