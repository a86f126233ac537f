import type { z } from 'zod';
import { isIpcChannel, type IpcChannel } from '../../shared/ipc/channels';
import {
  IPC_CONTRACT,
  type IpcErrorCode,
  type IpcOutput,
  type IpcParsedInput,
  type IpcResult,
} from '../../shared/ipc/contract';
import { isTrustedSender, type SenderFrameInfo } from '../security/urls';

/** What a handler learns about its caller besides the parsed input. */
export interface IpcCallContext {
  /** Identifies the calling webContents (its id), e.g. to route menu actions back to it. */
  senderId: number;
}

/** One implementation per contract channel; each receives input already parsed by its schema. */
export type IpcHandlers = {
  [C in IpcChannel]: (input: IpcParsedInput<C>, context: IpcCallContext) => Promise<IpcOutput<C>>;
};

/** Renders the first few zod issues as `path: message` text. */
export function formatIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(input)'}: ${issue.message}`)
    .join('; ');
}

function fail(code: IpcErrorCode, message: string): IpcResult<never> {
  return { ok: false, error: { code, message } };
}

export type IpcDispatch = (
  channel: unknown,
  sender: SenderFrameInfo | null,
  senderId: number,
  rawInput: unknown,
) => Promise<IpcResult<unknown>>;

/**
 * The gate every IPC call passes: the channel must be in the contract, the sender must be the
 * top frame of app://rootline, and the input must parse — all before the handler runs. Handler
 * errors come back as `{ ok: false }` so the renderer sees a clear message instead of a crash.
 */
export function createIpcDispatcher(
  handlers: IpcHandlers,
  log: (message: string) => void = () => {},
): IpcDispatch {
  return async (channel, sender, senderId, rawInput) => {
    if (!isIpcChannel(channel)) return fail('unknown-channel', `Unknown IPC channel "${String(channel)}"`);
    if (!isTrustedSender(sender)) {
      log(`Refused ${channel} from untrusted frame ${sender?.url ?? '(destroyed frame)'}`);
      return fail('forbidden-sender', `IPC channel "${channel}" refused: the caller is not the Rootline app`);
    }
    return runChannel(channel, handlers, senderId, rawInput, log);
  };
}

async function runChannel<C extends IpcChannel>(
  channel: C,
  handlers: IpcHandlers,
  senderId: number,
  rawInput: unknown,
  log: (message: string) => void,
): Promise<IpcResult<unknown>> {
  const spec = IPC_CONTRACT[channel];
  const input = spec.input.safeParse(rawInput);
  if (!input.success) {
    return fail('invalid-input', `Invalid input for "${channel}": ${formatIssues(input.error)}`);
  }
  let value: unknown;
  try {
    const handler = handlers[channel] as (input: unknown, context: IpcCallContext) => Promise<unknown>;
    value = await handler(input.data, { senderId });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    log(`${channel} failed: ${message}`);
    return fail('handler-failed', message);
  }
  const output = spec.output.safeParse(value);
  if (!output.success) {
    log(`${channel} returned an invalid value: ${formatIssues(output.error)}`);
    return fail('invalid-output', `"${channel}" produced an invalid reply: ${formatIssues(output.error)}`);
  }
  return { ok: true, value: output.data };
}
