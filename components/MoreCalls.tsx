import { i18n } from '#i18n';
import type { CloseError } from '@/utils/close/errors';
import type { Rejection } from '@/utils/messages';

interface MoreCallsProps {
  /** The next page is on its way. */
  loading: boolean;
  /** How many of the lead's calls the Call control holds now. */
  loaded: number;
  /** The last try failed: said, and the button tries again. */
  error?: CloseError | Rejection | undefined;
  onMore: (event: Event) => void;
}

/**
 * **More calls** (issue 14 point 1): the Call control is a native select, which cannot tell
 * when the rep scrolls to its end, so the next page of a lead's calls is one clearly named
 * button away. Alt+Down past the last call and Save & next ask for it by themselves.
 */
export function MoreCalls({ loading, loaded, error, onMore }: MoreCallsProps) {
  return (
    <div class="more-calls">
      <button
        type="button"
        class="link"
        // Not `disabled`: focus stays on it while the page comes.
        aria-disabled={loading ? 'true' : undefined}
        onClick={(event) => {
          if (!loading) onMore(event);
        }}
      >
        {i18n.t('moreCalls.button')}
      </button>{' '}
      <span class="muted" aria-live="polite">
        {loading ? i18n.t('moreCalls.loading') : i18n.t('moreCalls.loaded', [String(loaded)])}
      </span>
      {error && (
        <p role="alert" class="error">
          {i18n.t('moreCalls.failed', [error.message])}
        </p>
      )}
    </div>
  );
}
