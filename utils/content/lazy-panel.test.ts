import { beforeEach, describe, expect, it, vi } from 'vitest';

// Issue 12: the panel script (with the editor, about 115 KB gzip) is fetched in idle time once
// the launcher is on the page, so the first open does not wait for it.

beforeEach(() => {
  vi.resetModules();
  vi.useFakeTimers();
});

describe('preloadPanelWhenIdle', () => {
  it('loads the panel script when the page is idle, once per page', async () => {
    const idle: (() => void)[] = [];
    vi.stubGlobal('requestIdleCallback', (run: () => void) => void idle.push(run));
    const { preloadPanelWhenIdle } = await import('./lazy-panel');
    const load = vi.fn(() => Promise.resolve());
    preloadPanelWhenIdle(load);
    expect(load).not.toHaveBeenCalled(); // not during the launcher's own task
    preloadPanelWhenIdle(load);
    expect(idle).toHaveLength(1);
    idle[0]!();
    expect(load).toHaveBeenCalledOnce();
    vi.unstubAllGlobals();
  });

  it('without requestIdleCallback, a second later; a failed load is left for the open to retry', async () => {
    vi.stubGlobal('requestIdleCallback', undefined);
    const { preloadPanelWhenIdle } = await import('./lazy-panel');
    const load = vi.fn(() => Promise.reject(new Error('offline')));
    preloadPanelWhenIdle(load);
    await vi.advanceTimersByTimeAsync(999);
    expect(load).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(load).toHaveBeenCalledOnce();
    vi.unstubAllGlobals();
  });
});
