/**
 * The names of every renderer → main IPC channel, as plain data.
 *
 * Kept apart from the zod schemas in `contract.ts` so the sandboxed preload can refuse unknown
 * channels without bundling zod; `contract.ts` is checked against this list at compile time.
 */
export const IPC_CHANNELS = [
  'app:getInfo',
  'file:openFiles',
  'file:readChunk',
  'file:openBundle',
  'file:saveFile',
  'shell:openExternal',
  'export:printToPdf',
  'menu:subscribeActions',
  'backup:writeBundle',
  'backup:listFiles',
  'backup:readFile',
  'sync:allowServers',
] as const;

/** One renderer → main channel name (`domain:verbObject`). */
export type IpcChannel = (typeof IPC_CHANNELS)[number];

/** The main → renderer event channel that carries menu (and OS "open file") actions. */
export const MENU_EVENT_CHANNEL = 'menu:action';

/** True when `value` names a channel declared in the contract. */
export function isIpcChannel(value: unknown): value is IpcChannel {
  return typeof value === 'string' && (IPC_CHANNELS as readonly string[]).includes(value);
}
