import type {
  beforeHandleMessagePayload,
  Connection,
  Document,
  Extension,
  onAuthenticatePayload,
  onLoadDocumentPayload,
  onStoreDocumentPayload,
} from '@hocuspocus/server';
import { inspect } from 'node:util';
import * as Y from 'yjs';
import { parseDocName, type SyncDocRef } from '../../shared/sync/names';
import { accessFor, isExpired, type DocAccess, type SyncClaims } from '../../shared/sync/tokens';
import type { SyncLimits } from './limits';
import { RateLimiter } from './limits';
import { readClientMessage } from './protocol';
import { checkUpdate, type ReviewCheck } from './review';
import { TokenRefused, verifyToken } from './secret';
import type { SyncStore } from './store';

/**
 * Why a connection or a message was refused. Hocuspocus reads `reason` (sent to the client:
 * the provider's `authenticationFailed` or `close` event) and `code` (the close code). The
 * message stays empty so Hocuspocus's hook runner does not print it once per extension; the
 * extension logs each refusal itself, and Hocuspocus's "closing connection" line shows the
 * one-line form below instead of a stack.
 */
export class Refusal extends Error {
  override readonly name = 'Refusal';
  constructor(
    readonly reason: string,
    readonly code: number = 4403,
  ) {
    super('');
  }

  [inspect.custom](): string {
    return `refused (${this.code}): ${this.reason}`;
  }
}

/** What a connection is allowed, decided once when it authenticates. */
export interface ConnectionGrant {
  claims: SyncClaims;
  ref: SyncDocRef;
  access: DocAccess;
}

export interface RootlineExtensionOptions {
  store: SyncStore;
  /** How long a failing store (database restarting) is retried before giving up, in ms. */
  storeRetryMs: number;
  secret: Uint8Array;
  limits: SyncLimits;
  reviewCheck: ReviewCheck;
  now: () => number;
  log: (line: string) => void;
}

function grantOf(context: unknown): ConnectionGrant {
  const grant = (context as { grant?: ConnectionGrant } | null)?.grant;
  if (grant === undefined) throw new Refusal('the connection is not authenticated', 4401);
  return grant;
}

/** An update with no structs and no deletions (Yjs encodes it as two zero bytes). */
const isEmptyUpdate = (update: Uint8Array) => update.length === 2 && update[0] === 0 && update[1] === 0;

const who = (grant: ConnectionGrant) => `${grant.claims.name} (${grant.claims.role})`;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The Hocuspocus extension that makes a server Rootline's: tokens and document names checked
 * at connect, each update checked (expiry, rate, size, reviewer rights) and stored before
 * Hocuspocus applies and acknowledges it, documents loaded from and compacted into the store.
 */
export function rootlineExtension(options: RootlineExtensionOptions): Extension {
  const { store, limits, now, log } = options;
  /** Messages of one connection are decided one after another, in the order they came. */
  const queues = new WeakMap<Connection, Promise<unknown>>();
  /** The rate is counted per socket (one socket carries all documents of a client). */
  const rates = new WeakMap<object, RateLimiter>();
  /** An upper bound of each loaded document's encoded size. */
  const sizes = new WeakMap<Document, number>();

  /**
   * Runs a store operation, retrying with backoff while it fails (a database restarting) for
   * up to `storeRetryMs`; the client's acknowledgement waits meanwhile.
   */
  async function retrying<T>(what: string, operation: () => Promise<T>): Promise<T> {
    const deadline = performance.now() + options.storeRetryMs;
    for (let attempt = 0; ; attempt++) {
      try {
        const result = await operation();
        if (attempt > 0) log(`${what} succeeded after ${attempt} retries`);
        return result;
      } catch (e) {
        const reason = e instanceof Error ? e.message : String(e);
        if (performance.now() >= deadline) {
          log(`${what} failed, giving up: ${reason}`);
          throw e;
        }
        if (attempt === 0) log(`${what} failed (${reason}); retrying for up to ${options.storeRetryMs} ms`);
        await sleep(Math.min(50 * 2 ** attempt, 1000));
      }
    }
  }

  /** Counts a message when it arrives: milliseconds it must wait, or a refusal of a flood. */
  function admit(payload: beforeHandleMessagePayload): number {
    const { connection, documentName } = payload;
    const grant = grantOf(payload.context);
    if (isExpired(grant.claims, now())) {
      log(`closed ${documentName} for ${who(grant)}: the token expired`);
      throw new Refusal(`the token of ${grant.claims.name} has expired: ask for a new invite`, 4401);
    }
    let limiter = rates.get(connection.webSocket);
    if (limiter === undefined) {
      limiter = new RateLimiter(limits);
      rates.set(connection.webSocket, limiter);
    }
    const wait = limiter.reserve();
    if (wait < 0) {
      log(`closed ${documentName} for ${who(grant)}: over ${limits.updatesPerSecond} messages per second`);
      throw new Refusal(`too many messages: more than ${limits.updatesPerSecond} per second`, 4429);
    }
    return wait;
  }

  /** Decides on a message in its turn; resolving lets Hocuspocus apply and acknowledge it. */
  async function decide(payload: beforeHandleMessagePayload, readyAt: number): Promise<void> {
    const { document, documentName } = payload;
    const grant = grantOf(payload.context);
    const wait = readyAt - performance.now();
    if (wait > 0) await sleep(wait);

    const { update } = readClientMessage(payload.update);
    // Hocuspocus itself answers "not applied" to an update on a read-only connection.
    if (update === null || grant.access === 'read') return;
    // A sync step 2 with nothing the server lacks (every reconnect sends one) is two zero bytes.
    // Anything else is stored even if the document has it already: folding a duplicate in is
    // harmless, and finding out would cost a walk over the whole document per message.
    if (isEmptyUpdate(update)) return;

    let size = sizes.get(document) ?? 0;
    if (size + update.length > limits.maxDocumentBytes) {
      size = Y.encodeStateAsUpdate(document).length;
      if (size + update.length > limits.maxDocumentBytes) {
        log(`refused a change to ${documentName} by ${who(grant)}: the document would pass its size limit`);
        throw new Refusal(
          `${documentName} would grow past the server's limit of ${limits.maxDocumentBytes} bytes`,
          4413,
        );
      }
    }
    if (grant.ref.kind === 'review') {
      const verdict = checkUpdate(document, update, grant.claims, options.reviewCheck);
      if (!verdict.ok) {
        log(
          `refused a change to ${documentName} by ${grant.claims.name} (${grant.claims.role}): ${verdict.reason}`,
        );
        throw new Refusal(`change refused: ${verdict.reason}`);
      }
    }
    try {
      await retrying(`storing an update of ${documentName}`, () => store.append(documentName, update));
    } catch {
      // Closing the socket, not just this document, makes the app reconnect (with backoff)
      // and send the change again once the database is back.
      payload.connection.webSocket.close(1011, 'the server cannot store changes right now');
      throw new Refusal('the server cannot store changes right now; they stay on your machine', 1011);
    }
    sizes.set(document, size + update.length);
  }

  return {
    extensionName: 'rootline',
    // Before the Redis extension (1000) would not matter; before the defaults (100) does.
    priority: 500,

    async onAuthenticate(data: onAuthenticatePayload): Promise<{ grant: ConnectionGrant }> {
      try {
        const parsed = parseDocName(data.documentName);
        if (!parsed.ok) throw new Refusal(parsed.reason, 4404);
        let claims: SyncClaims;
        try {
          claims = await verifyToken(options.secret, data.token, now());
        } catch (e) {
          if (e instanceof TokenRefused) throw new Refusal(e.message, 4401);
          throw e;
        }
        const decision = accessFor(claims, parsed.ref, now());
        if (!decision.ok) throw new Refusal(decision.reason, 4403);
        if (decision.access === 'read') data.connectionConfig.readOnly = true;
        return { grant: { claims, ref: parsed.ref, access: decision.access } };
      } catch (e) {
        const reason = e instanceof Refusal ? e.reason : e instanceof Error ? e.message : String(e);
        log(`refused a connection to "${data.documentName.slice(0, 200)}": ${reason}`);
        throw e instanceof Refusal ? e : new Refusal('the server could not check the token', 4500);
      }
    },

    beforeHandleMessage(payload: beforeHandleMessagePayload): Promise<void> {
      let readyAt: number;
      try {
        readyAt = performance.now() + admit(payload);
      } catch (e) {
        return Promise.reject(e instanceof Error ? e : new Error(String(e)));
      }
      const previous = queues.get(payload.connection) ?? Promise.resolve();
      const decided = previous.then(() => decide(payload, readyAt));
      queues.set(
        payload.connection,
        decided.catch(() => undefined),
      );
      return decided;
    },

    async onLoadDocument({ document, documentName }: onLoadDocumentPayload): Promise<void> {
      let parts: Uint8Array[];
      try {
        parts = await retrying(`loading ${documentName}`, () => store.load(documentName));
      } catch {
        throw new Refusal('the server cannot read its database right now; try again later', 1011);
      }
      Y.transact(document, () => {
        for (const part of parts) Y.applyUpdate(document, part);
      });
      sizes.set(
        document,
        parts.reduce((sum, part) => sum + part.length, 0),
      );
    },

    async onStoreDocument({ document, documentName }: onStoreDocumentPayload): Promise<void> {
      const state = Y.encodeStateAsUpdate(document);
      try {
        await store.compact(documentName, state);
      } catch (e) {
        // Every change is stored already; only the folding waits for the next time. Thrown,
        // this would end the process (Hocuspocus rethrows it where nothing catches it).
        log(
          `compacting ${documentName} failed (nothing is lost): ${e instanceof Error ? e.message : String(e)}`,
        );
        return;
      }
      sizes.set(document, state.length);
    },
  };
}
