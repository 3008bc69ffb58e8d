/** The manifest's one command; wxt.config.ts declares it with its shortcut. */
export const OPEN_PANEL_COMMAND = 'open-quick-edit';
