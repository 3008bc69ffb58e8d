/** The manifest's commands; wxt.config.ts declares them with their shortcuts. */
export const OPEN_PANEL_COMMAND = 'open-quick-edit';
/** Opens the panel in Calls to log (issue 17), from any Close page. */
export const CALLS_TO_LOG_COMMAND = 'open-calls-to-log';
