import { isVariable, WILDCARD } from './tokens';

/** Passes over the templates; each can free a column the previous one could not. */
const MAX_PASSES = 3;

function tokenHash(token: string, seed: number): number {
  let h = seed;
  for (let i = 0; i < token.length; i++) h = Math.imul(h ^ token.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function equalExcept(a: string[], b: string[], skip: number): boolean {
  for (let i = 0; i < a.length; i++) if (i !== skip && a[i] !== b[i]) return false;
  return true;
}

/**
 * Merges templates that differ in one column only, when that column takes at least
 * `minDistinct` different words: a word with that many values is a variable the masks could
 * not recognise (a user or host name), while two or three values (`spawn`/`destroy`,
 * `GET`/`POST`) are different events. Returns each input template's merged index and the
 * merged templates; deterministic (the first template of a merge keeps its place).
 */
export function mergeVariableColumns(
  input: readonly string[][],
  minDistinct: number,
): { templates: string[][]; indexOf: Int32Array } {
  const parent = new Int32Array(input.length);
  for (let i = 0; i < input.length; i++) parent[i] = i;
  const find = (i: number): number => {
    let r = i;
    while (parent[r] !== r) r = parent[r]!;
    while (parent[i] !== r) {
      const next = parent[i]!;
      parent[i] = r;
      i = next;
    }
    return r;
  };
  const tokens = input.map((t) => t.slice());

  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const groups = new Map<string, number[]>();
    for (let i = 0; i < tokens.length; i++) {
      if (find(i) !== i) continue;
      const t = tokens[i]!;
      const n = t.length;
      // Prefix and suffix hashes: the key of "t without column p" costs O(1) per column.
      const pre = new Uint32Array(n + 1);
      const suf = new Uint32Array(n + 1);
      for (let p = 0; p < n; p++)
        pre[p + 1] = Math.imul(pre[p]! ^ tokenHash(t[p]!, 0x811c9dc5), 0x9e3779b1) >>> 0;
      for (let p = n - 1; p >= 0; p--)
        suf[p] = Math.imul(suf[p + 1]! ^ tokenHash(t[p]!, 0x2545f491), 0x85ebca6b) >>> 0;
      for (let p = 0; p < n; p++) {
        if (isVariable(t[p]!)) continue;
        const key = `${n}:${p}:${pre[p]}:${suf[p + 1]}`;
        const list = groups.get(key);
        if (list === undefined) groups.set(key, [i]);
        else list.push(i);
      }
    }
    let merged = false;
    for (const [key, list] of groups) {
      if (list.length < minDistinct) continue;
      const p = Number(key.split(':')[1]);
      const head = list[0]!;
      if (find(head) !== head) continue;
      // Hash keys can collide: only templates really equal outside column p join.
      const members = list.filter((j) => find(j) === j && equalExcept(tokens[head]!, tokens[j]!, p));
      if (members.length < minDistinct) continue;
      for (const j of members) if (j !== head) parent[j] = head;
      tokens[head]![p] = WILDCARD;
      merged = true;
    }
    if (!merged) break;
  }

  const indexOf = new Int32Array(input.length);
  const slot = new Map<number, number>();
  const templates: string[][] = [];
  for (let i = 0; i < input.length; i++) {
    const r = find(i);
    let s = slot.get(r);
    if (s === undefined) {
      s = templates.push(tokens[r]!) - 1;
      slot.set(r, s);
    }
    indexOf[i] = s;
  }
  return { templates, indexOf };
}
