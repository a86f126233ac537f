import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { errors, jwtVerify, SignJWT } from 'jose';
import { describeClaimProblems, SyncClaims } from '../../shared/sync/tokens';

/** The file in the data folder holding the key tokens are signed with. */
export const SECRET_FILE = 'secret.key';

/**
 * The signing key of a data folder: read from `<dataDir>/secret.key`, or made (32 random
 * bytes, readable by the owner only) when the folder has none yet.
 */
export function loadOrCreateSecret(dataDir: string): Uint8Array {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, SECRET_FILE);
  try {
    writeFileSync(file, `${randomBytes(32).toString('base64url')}\n`, { flag: 'wx', mode: 0o600 });
    chmodSync(file, 0o600);
  } catch (e) {
    // 'wx' fails when the file exists: keep it (tokens minted with it stay valid).
    if (!(e instanceof Error && 'code' in e && e.code === 'EEXIST')) throw e;
  }
  const text = readFileSync(file, 'utf8').trim();
  const key = Buffer.from(text, 'base64url');
  if (key.length < 32) {
    throw new Error(
      `${file} holds ${key.length} bytes of key; at least 32 are needed (delete it to make a new one)`,
    );
  }
  return key;
}

/** Signs a token carrying the claims (HS256). */
export async function mintToken(secret: Uint8Array, claims: SyncClaims): Promise<string> {
  const checked = SyncClaims.parse(claims);
  return new SignJWT({ name: checked.name, role: checked.role, incidents: checked.incidents })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuedAt()
    .setExpirationTime(checked.exp)
    .sign(secret);
}

/** Why a token was refused, in words for the person holding it. */
export class TokenRefused extends Error {
  override readonly name = 'TokenRefused';
}

/**
 * Verifies a token's signature, expiry and claims; throws {@link TokenRefused} saying what is
 * wrong (missing, not a token, forged or from another server, expired, bad claims).
 */
export async function verifyToken(secret: Uint8Array, token: string, nowMs: number): Promise<SyncClaims> {
  if (token.trim() === '')
    throw new TokenRefused('no token was given: join with the invite link you were sent');
  let payload: unknown;
  try {
    ({ payload } = await jwtVerify(token.trim(), secret, {
      algorithms: ['HS256'],
      currentDate: new Date(nowMs),
    }));
  } catch (e) {
    if (e instanceof errors.JWTExpired) {
      const exp =
        typeof e.payload.exp === 'number' ? new Date(e.payload.exp * 1000).toISOString() : 'an earlier date';
      throw new TokenRefused(`the token expired on ${exp}: ask for a new invite`);
    }
    if (e instanceof errors.JWSSignatureVerificationFailed) {
      throw new TokenRefused(
        'the token was not signed by this server (forged, or minted for another server)',
      );
    }
    if (e instanceof errors.JOSEAlgNotAllowed) {
      throw new TokenRefused('the token is not signed with HS256, the only algorithm this server accepts');
    }
    if (e instanceof errors.JWTClaimValidationFailed) {
      throw new TokenRefused(`the token's claims are not valid: ${e.message}`);
    }
    throw new TokenRefused('this is not a sync token (expected a signed JWT)');
  }
  const parsed = SyncClaims.safeParse(payload);
  if (!parsed.success) {
    throw new TokenRefused(`the token's claims are not valid: ${describeClaimProblems(parsed.error)}`);
  }
  return parsed.data;
}
