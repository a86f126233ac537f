import { z } from 'zod';
import { EpochMs } from '../domain/common';
import { parseBackupFileName } from '../backup/retention';
import type { IpcChannel } from './channels';

/** Largest chunk `file:readChunk` returns at once (4 MiB): big enough to be fast, small enough to clone. */
export const MAX_READ_CHUNK_BYTES = 4 * 1024 * 1024;
/** Largest export handed to `export:printToPdf` (64 Mi UTF-16 code units). */
export const MAX_PDF_HTML_CHARS = 64 * 1024 * 1024;
/** Largest file `file:saveFile` writes (512 MiB, or as many UTF-16 code units for text). */
export const MAX_SAVE_BYTES = 512 * 1024 * 1024;

const Bytes = z.custom<Uint8Array>((value) => value instanceof Uint8Array, {
  message: 'Expected bytes (Uint8Array)',
});
const NoInput = z.strictObject({});

/** A file-name extension such as `.log` or `.rootline.json` (dialog filters only understand these). */
export const FileExtension = z
  .string()
  .regex(/^\.[A-Za-z0-9][A-Za-z0-9.+_-]{0,31}$/, 'Expected a file extension such as ".log"');

/* Control characters (C0, DEL, C1) and the bidirectional controls that make `evil\u202Egpj.exe`
 * read as `evilexe.jpg`. */
// eslint-disable-next-line no-control-regex
const FILE_NAME_FORBIDDEN = /[/\\\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/** A bare file name: no folders, no control or bidirectional-control characters. */
const FileName = z
  .string()
  .min(1)
  .max(255)
  .refine(
    (name) => !FILE_NAME_FORBIDDEN.test(name),
    'File name must not contain "/", "\\", control or bidirectional-control characters',
  );

/** A backup file name as `backupFileName` makes it: never a path, never another file. */
const BackupName = z
  .string()
  .max(255)
  .refine((name) => parseBackupFileName(name) !== null, 'Expected a Rootline backup file name');

/** A file the user picked in the native dialog; `token` stands in for its path, which stays in main. */
export const PickedFileInfo = z.strictObject({
  token: z.string().min(1).max(64),
  name: z.string().min(1),
  size: z.number().int().nonnegative(),
  /** The file's modification time (epoch ms), for records that carry no time of their own. */
  lastModified: z.number().int().nonnegative().optional(),
});
export type PickedFileInfo = z.infer<typeof PickedFileInfo>;

/**
 * The IPC contract: every renderer → main channel with the schema its input must pass (checked
 * in main before the handler runs) and the schema of what it returns (checked before replying).
 */
export const IPC_CONTRACT = {
  'app:getInfo': {
    input: NoInput,
    output: z.strictObject({
      version: z.string(),
      platform: z.string(),
      electron: z.string(),
      chrome: z.string(),
      packaged: z.boolean(),
    }),
  },
  'file:openFiles': {
    input: z.strictObject({
      accept: z.array(FileExtension).max(32),
      multiple: z.boolean(),
      title: z.string().max(200).optional(),
    }),
    output: z.strictObject({ files: z.array(PickedFileInfo) }),
  },
  'file:readChunk': {
    input: z.strictObject({
      token: z.string().min(1).max(64),
      offset: z.number().int().nonnegative(),
      length: z.number().int().positive().max(MAX_READ_CHUNK_BYTES),
    }),
    output: z.strictObject({ bytes: Bytes }),
  },
  'file:openBundle': {
    input: NoInput,
    output: z.strictObject({
      bundle: z.strictObject({ name: z.string().min(1), text: z.string() }).nullable(),
    }),
  },
  'file:saveFile': {
    input: z.strictObject({
      suggestedName: FileName,
      data: z.union([z.string().max(MAX_SAVE_BYTES), Bytes.refine((b) => b.byteLength <= MAX_SAVE_BYTES)]),
      mime: z.string().min(1).max(200),
    }),
    output: z.strictObject({ saved: z.boolean() }),
  },
  'shell:openExternal': {
    input: z.strictObject({ url: z.string().min(1).max(8192) }),
    output: z.strictObject({ opened: z.boolean() }),
  },
  'export:printToPdf': {
    input: z.strictObject({
      html: z.string().min(1).max(MAX_PDF_HTML_CHARS),
      pageSize: z.enum(['A4', 'Letter']),
    }),
    output: z.strictObject({ pdf: Bytes }),
  },
  /** Writes one incident's bundle into `<userData>/backups/` (atomically), then applies retention. */
  'backup:writeBundle': {
    input: z.strictObject({
      incidentId: z.string().min(1).max(200),
      text: z.string().min(1).max(MAX_SAVE_BYTES),
    }),
    output: z.strictObject({ fileName: BackupName }),
  },
  /** Every backup file in `<userData>/backups/`, newest first. */
  'backup:listFiles': {
    input: NoInput,
    output: z.strictObject({
      entries: z.array(
        z.strictObject({
          fileName: BackupName,
          incidentId: z.string(),
          at: EpochMs,
          size: z.number().int().nonnegative(),
        }),
      ),
    }),
  },
  /** The text of one backup file (only names that `backup:listFiles` could return are accepted). */
  'backup:readFile': {
    input: z.strictObject({ fileName: BackupName }),
    output: z.strictObject({ text: z.string() }),
  },
  /**
   * The sync servers of this profile's shares: the only hosts the window may connect to besides
   * the app. `added` lists those not allowed before (the page reloads once so its CSP has them).
   */
  'sync:allowServers': {
    input: z.strictObject({
      servers: z
        .array(
          z
            .string()
            .regex(/^wss?:\/\/[^\s?#]+$/, 'Expected a ws:// or wss:// server address')
            .max(2_000),
        )
        .max(20),
    }),
    output: z.strictObject({ added: z.array(z.string()) }),
  },
  /** The renderer is subscribed to menu actions; main delivers any it queued before that. */
  'menu:subscribeActions': {
    input: NoInput,
    output: z.strictObject({ delivered: z.number().int().nonnegative() }),
  },
} as const satisfies Record<IpcChannel, { input: z.ZodType; output: z.ZodType }>;

export type IpcContract = typeof IPC_CONTRACT;
/** What the renderer passes to `invoke(channel, input)`. */
export type IpcInput<C extends IpcChannel> = z.input<IpcContract[C]['input']>;
/** What a handler receives after the input schema parsed it. */
export type IpcParsedInput<C extends IpcChannel> = z.output<IpcContract[C]['input']>;
/** What `invoke` resolves to. */
export type IpcOutput<C extends IpcChannel> = z.output<IpcContract[C]['output']>;

/** Why an IPC call failed; `message` is a sentence fit for the user or a log. */
export type IpcErrorCode =
  'unknown-channel' | 'forbidden-sender' | 'invalid-input' | 'handler-failed' | 'invalid-output';

/** The envelope main replies with, so errors cross the bridge as data instead of mangled exceptions. */
export type IpcResult<T> =
  { ok: true; value: T } | { ok: false; error: { code: IpcErrorCode; message: string } };
