import type { SyncClaims } from '../../shared/sync/tokens';
import { inviteLink, type SyncRole } from '../../shared/sync/tokens';
import { loadOrCreateSecret, mintToken } from './secret';

/** What `rootline serve invite` is asked for. */
export interface InviteRequest {
  dataDir: string;
  /** Incident ids, or `"*"` for every incident. */
  incidents: string[] | '*';
  role: SyncRole;
  name: string;
  days: number;
  /** The address people's apps reach the server at (`wss://sync.example.com`). */
  serverUrl: string;
  now: number;
}

/** A minted invite: the token, the link carrying it, and what the token says. */
export interface Invite {
  token: string;
  link: string;
  claims: SyncClaims;
}

/** Mints a token with the data folder's secret (made if the folder has none yet). */
export async function makeInvite(request: InviteRequest): Promise<Invite> {
  const claims: SyncClaims = {
    name: request.name.trim(),
    role: request.role,
    incidents: request.incidents,
    exp: Math.floor(request.now / 1000 + request.days * 86_400),
  };
  const token = await mintToken(loadOrCreateSecret(request.dataDir), claims);
  return { token, link: inviteLink({ server: request.serverUrl, token }), claims };
}
