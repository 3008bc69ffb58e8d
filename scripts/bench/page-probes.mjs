// Code the benchmarks run in Close's page (the main world), installed as an init script before the
// page's own scripts. It sees our UI the way Close's page could: through the open shadow root of
// <close-quick-edit>. Times are the page's `performance.now()`.

/** Installs `window.__bench`. Runs in the page: no imports, no closures over this module. */
export function installProbes() {
  const shadow = () => document.querySelector('close-quick-edit')?.shadowRoot ?? null;
  const buttonNamed = (root, name) =>
    root ? [...root.querySelectorAll('button')].find((b) => b.textContent?.trim().endsWith(name)) : undefined;
  /** A control in our shadow root by its label's text (UI-CONTRACT.md names). */
  const labelled = (name) => {
    const root = shadow();
    if (!root) return null;
    const label = [...root.querySelectorAll('label')].find((l) => l.textContent?.trim() === name);
    if (label) return (label.htmlFor && root.getElementById(label.htmlFor)) || label.querySelector('select, textarea, input');
    // The Note box is an editor labelled by aria-labelledby (issue 12).
    return [...root.querySelectorAll('[aria-labelledby]')].find((el) => root.getElementById(el.getAttribute('aria-labelledby'))?.textContent?.trim() === name) ?? null;
  };
  const dialog = () => shadow()?.querySelector('[role="dialog"]') ?? null;
  const launcher = () => {
    const button = buttonNamed(shadow(), 'Quick edit call');
    return button && !button.closest('[role="dialog"]') ? button : undefined;
  };

  const checks = {
    /** The launcher is in the page (checking its layout here would force the page's first layout). */
    launcher: () => !!launcher(),
    noLauncher: () => !launcher(),
    /** The panel shows this call, and the Note box has focus: the rep can type. */
    interactive: (callId) => labelled('Call')?.value === callId && shadow()?.activeElement === labelled('Note'),
    /** The panel shows this call (after a navigation). */
    panelCall: (callId) => labelled('Call')?.value === callId,
    saved: () => /^Saved\b/.test(dialog()?.querySelector('[role="status"]')?.textContent?.trim() ?? ''),
  };

  /**
   * Resolves with performance.now() at the first moment `checks[name](arg)` holds: tested after
   * every DOM change (the page's and our shadow root's), on focus changes, and on every frame.
   */
  function when(name, arg, timeoutMs = 15_000) {
    return new Promise((resolve, reject) => {
      let done = false;
      let observedShadow = null;
      const observer = new MutationObserver(() => test());
      const finish = (error, at) => {
        if (done) return;
        done = true;
        observer.disconnect();
        document.removeEventListener('focusin', test, true);
        clearTimeout(timer);
        error ? reject(error) : resolve(at);
      };
      function test() {
        if (done) return;
        const root = shadow();
        if (root && root !== observedShadow) {
          observer.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
          observedShadow = root;
        }
        let ok = false;
        try {
          ok = checks[name](arg);
        } catch {
          ok = false;
        }
        if (ok) finish(undefined, performance.now());
      }
      const frame = () => {
        test();
        if (!done) requestAnimationFrame(frame);
      };
      const timer = setTimeout(() => finish(new Error(`timed out waiting for ${name}`)), timeoutMs);
      observer.observe(document, { subtree: true, childList: true });
      document.addEventListener('focusin', test, true);
      test();
      requestAnimationFrame(frame);
    });
  }

  /** Resolves with performance.now() after the next frame is painted. */
  const afterNextPaint = () =>
    new Promise((resolve) =>
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve(performance.now());
        channel.port2.postMessage(undefined);
      }),
    );

  /**
   * Notes the time of the next click, as the browser stamped it. Our buttons act on real clicks
   * only (a page script's .click() is ignored), so the benchmark clicks through DevTools input,
   * and the latency starts at that click's own time stamp.
   */
  function armClick() {
    window.__benchClickAt = undefined;
    window.addEventListener('click', (event) => (window.__benchClickAt = event.timeStamp), { capture: true, once: true });
  }

  /** Sets the Note box's text the way typing does (an input event). */
  function type(text) {
    const note = labelled('Note');
    note.value = text;
    note.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  }

  /**
   * A synthetic busy feed: `perSecond` DOM mutations a second (an item added, the oldest removed
   * past 200) for `ms`, paced by the clock, not by timer accuracy. With `callLinks`, each item
   * carries a "Copy Link" to a call, as Close's activity feed does. Resolves with how many it
   * made, in how many timer ticks, and the longest tick.
   */
  function busyFeed({ ms, perSecond, callLinks }) {
    const list = document.createElement('ul');
    (document.querySelector('main') ?? document.body).append(list);
    const start = performance.now();
    let made = 0;
    let ticks = 0;
    let longestTick = 0;
    return new Promise((resolve) => {
      const tick = () => {
        const tickStart = performance.now();
        ticks++;
        const elapsed = tickStart - start;
        const due = Math.min(Math.round((Math.min(elapsed, ms) * perSecond) / 1000), Math.round((ms * perSecond) / 1000));
        while (made < due) {
          if (made % 2 === 0 || list.childElementCount < 200) {
            const item = document.createElement('li');
            item.textContent = `Event ${made}: a call was logged, an email arrived, a task moved`;
            if (callLinks) {
              const link = document.createElement('a');
              const id = String(made).padStart(8, '0');
              link.href = `/lead/lead_bench${id}bench${id}bench${id}00/#activityId=acti_bench${id}bench${id}bench${id}00`;
              link.textContent = 'Copy Link';
              item.append(' ', link);
            }
            list.append(item);
          } else {
            list.firstElementChild.remove();
          }
          made++;
        }
        longestTick = Math.max(longestTick, performance.now() - tickStart);
        if (elapsed < ms) setTimeout(tick, 10);
        else {
          list.remove();
          resolve({ made, ticks, longestTick });
        }
      };
      setTimeout(tick, 10);
    });
  }

  window.__bench = { when, afterNextPaint, armClick, type, busyFeed, launcher, labelled };
}

/**
 * Starts waiting for the launcher from the page's first script on (DOMContentLoaded → launcher),
 * and notes whether it is in the first frame the page renders after DOMContentLoaded.
 */
export function watchLauncherFromStart() {
  window.__benchLauncherAt = window.__bench.when('launcher', undefined, 10_000);
  window.__benchLauncherPainted = window.__benchLauncherAt.then(() => window.__bench.afterNextPaint());
  window.__benchFirstFrame = new Promise((resolve) =>
    document.addEventListener(
      'DOMContentLoaded',
      () =>
        requestAnimationFrame(() => {
          const inFrame = !!window.__bench.launcher();
          window.__bench.afterNextPaint().then((at) => resolve({ at, inFrame }));
        }),
      { once: true },
    ),
  );
}

/** Notes when Close's page starts a single-page navigation (its pushState). */
export function stampNavigations() {
  const pushState = history.pushState;
  history.pushState = function (...args) {
    window.__benchNavAt = performance.now();
    return pushState.apply(this, args);
  };
}
