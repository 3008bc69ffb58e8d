import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { CallId } from '@/utils/close/ids';
import type { PageTarget } from '@/utils/page';
import { feedItemRect, openerRect } from '@/utils/panel/edited-item';
import { clampToViewport, placePanel, placementStyle, positionStyle, type Placement, type Rect } from '@/utils/panel/position';
import { DEFAULT_PANEL_POSITION, settings, type PanelPosition } from '@/utils/settings';

const viewport = () => ({ width: window.innerWidth, height: window.innerHeight });
const samePlace = (a: Placement | undefined, b: Placement) =>
  !!a && a.left === b.left && a.top === b.top && a.maxHeight === b.maxHeight;

/**
 * The panel's place, from the settings (and kept in step with them: the options page can
 * change it while the panel is open), and dragging by its header. A drag is stored when it
 * ends, so the next panel opens where this one was left. Wherever that is, the panel keeps
 * clear of the feed item of the call it edits (utils/panel/position.ts): it is measured again
 * after every render, scroll and resize.
 */
export function usePanelPosition(panel: { current: HTMLElement | null }, edited: { target: PageTarget; callId: CallId | undefined }) {
  const [position, setPosition] = useState<PanelPosition>(DEFAULT_PANEL_POSITION);
  const [place, setPlace] = useState<Placement>();
  const drag = useRef<{ pointerId: number; dx: number; dy: number } | null>(null);
  // The feed button it was opened from, measured once per target (the rep may scroll on).
  const opener = useRef<{ target: PageTarget; rect: Rect | undefined }>();

  const size = () => {
    const el = panel.current;
    // The height its content wants: a panel held to a max-height scrolls, and scrollHeight still counts it all.
    return el ? { width: el.offsetWidth, height: el.scrollHeight + (el.offsetHeight - el.clientHeight) } : undefined;
  };

  const measure = () => {
    const box = size();
    if (!box || drag.current) return;
    if (opener.current?.target !== edited.target) opener.current = { target: edited.target, rect: openerRect(edited.target) };
    const next = placePanel({ viewport: viewport(), panel: box, position, item: feedItemRect(edited.callId), opener: opener.current.rect });
    setPlace((current) => (samePlace(current, next) ? current : next));
  };
  const latest = useRef(measure);
  latest.current = measure;
  useLayoutEffect(measure);

  useEffect(() => {
    let live = true;
    void settings.panelPosition.get().then((stored) => live && setPosition(stored));
    const unwatch = settings.panelPosition.watch((stored) => !drag.current && setPosition(stored));
    // Once a frame at most: Close's feed scrolls in its own element, so scrolls are caught anywhere.
    let frame = 0;
    const later = () => {
      if (!frame) frame = requestAnimationFrame(() => ((frame = 0), latest.current()));
    };
    window.addEventListener('resize', later);
    document.addEventListener('scroll', later, { capture: true, passive: true });
    const resized = typeof ResizeObserver === 'function' ? new ResizeObserver(later) : undefined;
    if (panel.current) resized?.observe(panel.current);
    return () => {
      live = false;
      unwatch();
      cancelAnimationFrame(frame);
      window.removeEventListener('resize', later);
      document.removeEventListener('scroll', later, { capture: true });
      resized?.disconnect();
    };
  }, []);

  function onPointerDown(event: PointerEvent) {
    // The header's buttons stay buttons; only a real press of the primary button drags.
    if (!event.isTrusted || event.button !== 0 || (event.target as Element).closest('button')) return;
    const rect = panel.current?.getBoundingClientRect();
    if (!rect) return;
    event.preventDefault();
    (event.currentTarget as HTMLElement).setPointerCapture(event.pointerId);
    drag.current = { pointerId: event.pointerId, dx: event.clientX - rect.left, dy: event.clientY - rect.top };
  }

  function onPointerMove(event: PointerEvent) {
    const d = drag.current;
    const rect = panel.current?.getBoundingClientRect();
    if (!d || d.pointerId !== event.pointerId || !rect) return;
    const spot = clampToViewport(event.clientX - d.dx, event.clientY - d.dy, rect, viewport());
    setPosition({ kind: 'free', ...spot });
    // Under the pointer while dragging; kept clear of the item again once dropped.
    setPlace((current) => ({ ...spot, maxHeight: current?.maxHeight ?? viewport().height }));
  }

  function onPointerUp(event: PointerEvent) {
    if (drag.current?.pointerId !== event.pointerId) return;
    drag.current = null;
    setPosition((current) => {
      if (current.kind === 'free') void settings.panelPosition.set(current);
      return current;
    });
  }

  /** Back to the default corner (double-click on the header). */
  function reset(event: MouseEvent) {
    if (!event.isTrusted || (event.target as Element).closest('button')) return;
    setPosition(DEFAULT_PANEL_POSITION);
    void settings.panelPosition.set(DEFAULT_PANEL_POSITION);
  }

  return {
    style: place ? placementStyle(place) : positionStyle(position, undefined, viewport()),
    moved: position.kind === 'free',
    handle: { onPointerDown, onPointerMove, onPointerUp, onPointerCancel: onPointerUp, onDblClick: reset },
  };
}
