import { useEffect, useRef } from 'preact/hooks';

interface LauncherProps {
  onOpen: () => void;
  /** Take focus when shown: the panel it opened has just closed. */
  focus?: boolean;
}

/** The floating button; its name is part of UI-CONTRACT.md. */
export function Launcher({ onOpen, focus }: LauncherProps) {
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (focus) button.current?.focus();
  }, [focus]);
  return (
    <button type="button" class="launcher" ref={button} onClick={onOpen}>
      <span aria-hidden="true">✎ </span>Quick edit call
    </button>
  );
}
