import { i18n } from '#i18n';
import { useState } from 'preact/hooks';

/**
 * A settings section's writes: "Saved" (or what happened) in its status line only once the
 * value is stored, and an alert when it could not be.
 */
export function useSaveStatus() {
  const [status, setStatus] = useState('');
  const [failed, setFailed] = useState(false);
  async function save(write: () => Promise<void>, done = i18n.t('settings.saved')): Promise<boolean> {
    setStatus('');
    setFailed(false);
    try {
      await write();
      setStatus(done);
      return true;
    } catch {
      setFailed(true);
      return false;
    }
  }
  return { save, status, failed };
}

export function SaveStatus({ status, failed, testId }: { status: string; failed: boolean; testId: string }) {
  return (
    <>
      <p role="status" class="status" data-testid={testId}>
        {status}
      </p>
      {failed && (
        <p role="alert" class="error">
          {i18n.t('settings.templates.notSaved')}
        </p>
      )}
    </>
  );
}
