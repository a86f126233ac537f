import { z } from 'zod';

/** Items of the desktop application menu that do something app-specific (the rest are Electron roles). */
export const MENU_COMMANDS = [
  'new-incident',
  'open-bundle',
  'import-logs',
  'export',
  'about',
  'shortcuts',
] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

/** Largest bundle main will read into memory and hand to the renderer (256 MiB). */
export const MAX_BUNDLE_BYTES = 256 * 1024 * 1024;

/**
 * Actions pushed from main to the renderer. Menu commands arrive as `{ type: command }`, except
 * `open-bundle`, which main handles itself (native dialog, read in main) and follows up with
 * `bundle-opened` — the same action a bundle opened from the OS (double-click, argv, second
 * instance) produces, so the renderer has one way in for bundles.
 */
export const MenuAction = z.discriminatedUnion('type', [
  z.object({ type: z.literal('new-incident') }),
  z.object({ type: z.literal('import-logs') }),
  z.object({ type: z.literal('export') }),
  z.object({ type: z.literal('about') }),
  z.object({ type: z.literal('shortcuts') }),
  /** The text of a `.rootline.json` that main read; `name` is the file name without folders. */
  z.object({ type: z.literal('bundle-opened'), name: z.string().min(1), text: z.string() }),
  /** A bundle main could not read; `reason` is a sentence fit to show the user. */
  z.object({ type: z.literal('bundle-open-failed'), name: z.string().min(1), reason: z.string().min(1) }),
  /** An invite link the OS opened (`rootline://join?…`): the app shows it on its join screen. */
  z.object({
    type: z.literal('join-invite'),
    server: z.string().min(1).max(2_000),
    token: z.string().min(1).max(10_000),
  }),
]);
export type MenuAction = z.infer<typeof MenuAction>;
export type MenuActionType = MenuAction['type'];

/**
 * Menu accelerators (Electron syntax), so the renderer's keyboard shortcuts sheet lists exactly
 * what the desktop menu binds. Ctrl+I / Ctrl+E stay free because the editor uses them.
 */
export const MENU_ACCELERATORS: Readonly<Record<MenuCommand, string | null>> = {
  'new-incident': 'CmdOrCtrl+N',
  'open-bundle': 'CmdOrCtrl+O',
  'import-logs': 'CmdOrCtrl+Shift+L',
  export: 'CmdOrCtrl+Shift+E',
  about: null,
  shortcuts: 'CmdOrCtrl+/',
};
