import type { Account } from '@/utils/messages';

/**
 * Close found no call with the key while the page shows one. A rep in several organisations
 * most often has the key of another one connected (issue 5), so say whose key it is.
 */
export function NoCallFound({ account, onOpenSettings }: { account: Account; onOpenSettings: () => void }) {
  const organization = account.organization ? ` (${account.organization})` : '';
  return (
    <div role="alert" class="error">
      <p>
        <strong>
          Close found no call for this page with the API key of {account.email}
          {organization}.
        </strong>{' '}
        If this lead belongs to another Close organisation, connect an API key from that organisation.
      </p>
      <button type="button" onClick={onOpenSettings}>
        Open settings
      </button>
    </div>
  );
}
