import { parseInviteLink, type Invite } from '../../shared/sync/tokens';

/** The URL scheme of invite links (`rootline://join?server=…&token=…`). */
export const INVITE_SCHEME = 'rootline';

/**
 * The invite in a command line (Windows and Linux start the app, or hand a running one, the
 * link as an argument), or null when none is there or it is not a valid invite.
 */
export function findInviteInArgv(argv: readonly string[]): Invite | null {
  for (const arg of argv) {
    if (!arg.toLowerCase().startsWith(`${INVITE_SCHEME}://`)) continue;
    const read = parseInviteLink(arg);
    if (read.ok) return read.invite;
  }
  return null;
}

/** The invite of a link the OS opened (macOS `open-url`), or null. */
export function inviteFromUrl(url: string): Invite | null {
  const read = parseInviteLink(url);
  return read.ok ? read.invite : null;
}
