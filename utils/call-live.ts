// A call Close still reads as going on (FACTS.md: `created` just dialled, `in-progress` talking,
// and for a few seconds after hang-up too). While it is, Close's dialer autosaves its note, so the
// panel marks such a call and a save of its note waits for the call to end (issue 14).

const LIVE = new Set(['created', 'in-progress']);

export const isCallLive = (status: string | null | undefined): boolean => !!status && LIVE.has(status);
