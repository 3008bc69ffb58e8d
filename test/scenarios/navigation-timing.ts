/** Anything that runs a function in the page: a scenario's Tab, or a driver's own page. */
export interface InPage {
  evaluate<R, A>(fn: (arg: A) => R, arg: A): Promise<Awaited<R>>;
}

/**
 * Clicks one of the app's own navigation links (Close's router: history.pushState, then a
 * re-render) and measures, inside the page, from the pushState call to the launcher showing
 * (`expectLauncher`) or going away. In-page clocks leave the automation's latency out.
 */
export function timeLauncherAfterPushState(page: InPage, linkText: string, expectLauncher: boolean): Promise<number> {
  return page.evaluate(
    ({ linkText, expectLauncher }: { linkText: string; expectLauncher: boolean }) =>
      new Promise<number>((resolve, reject) => {
        const root = document.querySelector('close-quick-edit')?.shadowRoot;
        if (!root) return reject(new Error('The content script has not mounted its shadow root.'));
        const launcherShown = () => [...root.querySelectorAll('button')].some((b) => b.textContent?.includes('Quick edit call'));
        if (launcherShown() === expectLauncher) return reject(new Error('The launcher is already in the expected state.'));
        let pushedAt: number | undefined;
        const push = history.pushState;
        history.pushState = function (...args: Parameters<History['pushState']>) {
          pushedAt ??= performance.now();
          return push.apply(this, args);
        };
        const timer = setTimeout(() => finish(new Error('The launcher did not follow within 5 s.')), 5000);
        const observer = new MutationObserver(() => {
          if (pushedAt !== undefined && launcherShown() === expectLauncher) finish(performance.now() - pushedAt);
        });
        function finish(result: number | Error) {
          observer.disconnect();
          clearTimeout(timer);
          history.pushState = push;
          if (typeof result === 'number') resolve(result);
          else reject(result);
        }
        observer.observe(root, { childList: true, subtree: true });
        const link = [...document.querySelectorAll<HTMLAnchorElement>('nav a')].find((a) => a.textContent === linkText);
        if (!link) return finish(new Error(`No navigation link "${linkText}".`));
        link.click();
      }),
    { linkText, expectLauncher },
  );
}

/** Inbox -> lead (the launcher appears) and back (it goes away), `rounds` times each. */
export async function measureNavigation(page: InPage, leadName: string, rounds: number) {
  const delays: number[] = [];
  for (let i = 0; i < rounds; i++) {
    delays.push(await timeLauncherAfterPushState(page, leadName, true));
    delays.push(await timeLauncherAfterPushState(page, 'Inbox', false));
  }
  return { delays, max: Math.max(...delays), median: [...delays].sort((a, b) => a - b)[Math.floor(delays.length / 2)]! };
}
