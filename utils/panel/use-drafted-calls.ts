import { useEffect, useState } from 'preact/hooks';
import { watchDrafts } from '../content/drafts-on-page';

// Which calls have a draft not yet saved, kept current as drafts are written and removed (this
// panel's typing, another tab's): the Call control marks them (issue 15), as the launcher and
// the feed buttons do (utils/content/page-marks.ts).

export function useDraftedCalls(): (callId: string) => boolean {
  const [watch, setWatch] = useState<{ has: (id: string) => boolean }>({ has: () => false });
  useEffect(() => {
    // A new function on every change, so the panel renders again.
    const drafts = watchDrafts(() => setWatch({ has: (id) => drafts.has(id) }));
    return drafts.stop;
  }, []);
  return watch.has;
}
