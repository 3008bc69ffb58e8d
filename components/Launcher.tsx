interface LauncherProps {
  onOpen: () => void;
}

/** The floating button; its name is part of UI-CONTRACT.md. */
export function Launcher({ onOpen }: LauncherProps) {
  return (
    <button type="button" class="launcher" onClick={onOpen}>
      <span aria-hidden="true">✎ </span>Quick edit call
    </button>
  );
}
