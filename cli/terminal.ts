// Kept apart from render.ts so the CLI entry (every message it prints) does not load the import
// pipeline's modules: `rootline --help` starts without them.

/* C0 controls (tab and line feed are kept only where the caller says), DEL and C1 controls:
 * ESC and CSI start terminal sequences (title, OSC 52 clipboard, hyperlinks, clear screen). */
// eslint-disable-next-line no-control-regex
const TERMINAL_CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/g;

/**
 * Text from a log or a file made safe to print on a terminal: every control character that could
 * start an escape sequence or move the cursor is shown as `\xNN` instead (a line break in a title
 * too, so one event stays one line). Tabs stay.
 */
export function terminalSafe(text: string): string {
  return text.replace(TERMINAL_CONTROL, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}
