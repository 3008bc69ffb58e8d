/**
 * Runs `action` only for a real click or key press. Our shadow root must stay open, so a
 * script on Close's page can reach our buttons and call `.click()`; it cannot make a trusted
 * event, so it cannot make us write to Close, cancel a save or discard a draft (SECURITY.md).
 */
export const trusted =
  <E extends Event>(action: (event: E) => void) =>
  (event: E) => {
    if (event.isTrusted) action(event);
    else event.preventDefault();
  };
