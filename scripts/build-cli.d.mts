export const CLI_OUT_DIR: string;
/** Builds dist/cli/main.mjs and its chunks; resolves with the entry's path. */
export function buildCli(): Promise<string>;
