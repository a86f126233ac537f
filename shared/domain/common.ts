import { z } from 'zod';

/** UTC epoch milliseconds. Every stored instant in Rootline is one of these. */
export const EpochMs = z.number().int().finite();
export type EpochMs = z.infer<typeof EpochMs>;

/** A nullable instant: null means "not known yet". */
export const MaybeEpochMs = EpochMs.nullable();

/** Opaque id (ULID-like text). */
export const Id = z.string().min(1).max(128);
export type Id = z.infer<typeof Id>;

/** Trimmed short label such as a service, region or person name. */
export const Label = z.string().max(200);

/** Throws when a `switch` over a union type misses a case (compile time) or gets a bad value (run time). */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`Unexpected ${what}: ${String(value)}`);
}
