import { useEffect, useRef, useState } from 'preact/hooks';
import { clampToViewport, positionStyle } from '@/utils/panel/position';
import { DEFAULT_PANEL_POSITION, settings, type PanelPosition } from '@/utils/settings';

const viewport = () => ({ width: window.innerWidth, height: window.innerHeight });

/**
 * The panel's place, from the settings (and kept in step with them: the options page can
 * change it while the panel is open), and dragging by its header. A drag is stored when it
 * ends, so the next panel opens where this one was left.
 */
export function usePanelPosition(panel: { current: HTMLElement | null }) {
  const [position, setPosition] = useState<PanelPosition>(DEFAULT_PANEL_POSITION);
  const [, setViewport] = useState(viewport);
  const drag = useRef<{ pointerId: number; dx: number; dy: number } | null>(null);

  useEffect(() => {
    let live = true;
    void settings.panelPosition.get().then((stored) => live && setPosition(stored));
    const unwatch = settings.panelPosition.watch((stored) => !drag.current && setPosition(stored));
    const onResize = () => setViewport(viewport());
    window.addEventListener('resize', onResize);
    return () => {
      live = false;
      unwatch();
      window.removeEventListener('resize', onResize);
    };
  }, []);

  const size = () => {
    const rect = panel.current?.getBoundingClientRect();
    return rect ? { width: rect.width, height: rect.height } : undefined;
  };

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
    const box = size();
    if (!d || d.pointerId !== event.pointerId || !box) return;
    const place = clampToViewport(event.clientX - d.dx, event.clientY - d.dy, box, viewport());
    setPosition({ kind: 'free', ...place });
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
    style: positionStyle(position, size(), viewport()),
    moved: position.kind === 'free',
    handle: { onPointerDown, onPointerMove, onPointerUp, onPointerCancel: onPointerUp, onDblClick: reset },
  };
}
