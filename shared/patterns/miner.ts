import { mergeVariableColumns } from './merge';
import { MessageMemo } from './messageMemo';
import { isVariable, patternKey, splitTokens, WILDCARD } from './tokens';

/** How the miner groups messages (He et al., "Drain", ICWS 2017, with a few general changes). */
export interface MinerOptions {
  /** Share of a template's constant tokens a message must repeat to join it (0..1). */
  similarity: number;
  /** Leading tokens the prefix tree routes on (after the token count). */
  prefixDepth: number;
  /** Children a tree node keeps before further tokens share its wildcard child. */
  maxChildren: number;
  /** Different words one column must take before templates differing only there merge. */
  minDistinct: number;
  /** Distinct message keys remembered for exact reuse (bounds memory on endless variety). */
  maxKeys: number;
  /** Templates of a leaf a new key is compared with (the newest): keeps each step bounded. */
  maxLeafScan: number;
  /**
   * Templates kept before new keys must join one: the most similar in their leaf, else one
   * catch-all per token count (input with endless variety must not grow without bound).
   */
  maxClusters: number;
  /** Messages the memo of recent ones holds (it saves masking a repeated message again). */
  memoSize: number;
}

export const DEFAULT_MINER_OPTIONS: MinerOptions = {
  similarity: 0.85,
  minDistinct: 5,
  prefixDepth: 2,
  maxChildren: 100,
  maxKeys: 200_000,
  maxLeafScan: 64,
  maxClusters: 50_000,
  memoSize: 4_096,
};

interface Cluster {
  tokens: string[];
  /** 1 where `tokens` holds a value or `<*>` (isVariable), kept in step with `tokens`. */
  values: Uint8Array;
  /** Wildcards in `tokens`: a tie-break (prefer the more general template). */
  wildcards: number;
}

function newCluster(tokens: string[]): Cluster {
  const values = new Uint8Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) values[i] = isVariable(tokens[i]!) ? 1 : 0;
  return { tokens: tokens.slice(), values, wildcards: 0 };
}

interface TreeNode {
  children: Map<string, TreeNode> | null;
  clusters: number[] | null;
}

/** The result of mining: final templates, and the pattern of each raw cluster id. */
export interface MinedTemplates {
  /** Template tokens per pattern index (0-based, in order of first appearance). */
  templates: string[][];
  /** The pattern index of the cluster id `add` returned. */
  patternOf(clusterId: number): number;
}

/**
 * An online, streaming template miner of the Drain family: messages are masked
 * (`patternKey`), routed by token count and their first tokens through a fixed-depth prefix
 * tree, and joined to the most similar template in the leaf, or start one. Templates only
 * generalise (a differing position becomes `<*>`), so every message matches its final template.
 * Deterministic, one pass, work per message bounded by its length and its leaf's size.
 */
export class PatternMiner {
  private readonly options: MinerOptions;
  private readonly clusters: Cluster[] = [];
  private readonly root = new Map<number, TreeNode>();
  private readonly keys = new Map<string, number>();
  private readonly overflow = new Map<number, number>();
  /* Logs repeat messages verbatim a lot: a small memo skips masking them again. */
  private readonly recent: MessageMemo<number>;

  constructor(options: Partial<MinerOptions> = {}) {
    this.options = { ...DEFAULT_MINER_OPTIONS, ...options };
    this.recent = new MessageMemo(this.options.memoSize);
  }

  /**
   * Adds one message and returns its cluster id (resolve with `finish().patternOf`).
   * `headerLeft`: the reader found no level, so part of a header may still lead the message.
   * `key`: `patternKey(message, headerLeft)` when it was worked out already (by a parallel
   * import's worker); the result is the same either way.
   */
  add(message: string, headerLeft = false, key?: string): number {
    if (key !== undefined && this.keys.size < this.options.maxKeys) {
      // While every key is remembered, a known key is its cluster: the memo, which only
      // saves masking, would find the same one.
      const known = this.keys.get(key);
      if (known !== undefined) return known;
    } else {
      const seen = this.recent.get(message, headerLeft);
      if (seen !== undefined) return seen;
    }
    const id = this.addKey(key ?? patternKey(message, headerLeft));
    this.recent.set(message, headerLeft, id);
    return id;
  }

  private addKey(key: string): number {
    const known = this.keys.get(key);
    if (known !== undefined) return known;
    const tokens = splitTokens(key);
    const leaf = this.leafFor(tokens);
    const list = leaf.clusters ?? (leaf.clusters = []);
    const best = this.bestMatch(list, tokens);
    const full = this.clusters.length >= this.options.maxClusters;
    let id = best.sim >= this.options.similarity || (full && best.id >= 0) ? best.id : -1;
    if (id < 0 && full) id = this.catchAll(tokens);
    if (id < 0) {
      id = this.clusters.length;
      this.clusters.push(newCluster(tokens));
      list.push(id);
    } else {
      this.generalise(this.clusters[id]!, tokens);
    }
    if (this.keys.size < this.options.maxKeys) {
      this.keys.set(key, id);
      // From here on the memo decides repeats: it starts empty whether or not keys came given,
      // so both ways give the same clusters.
      if (this.keys.size === this.options.maxKeys) this.recent.clear();
    }
    return id;
  }

  /** Number of clusters so far. */
  get size(): number {
    return this.clusters.length;
  }

  private leafFor(tokens: string[]): TreeNode {
    let node: TreeNode | undefined = this.root.get(tokens.length);
    if (node === undefined) {
      node = { children: null, clusters: null };
      this.root.set(tokens.length, node);
    }
    const depth = Math.min(this.options.prefixDepth, tokens.length);
    for (let i = 0; i < depth; i++) {
      const token = tokens[i]!;
      const children: Map<string, TreeNode> = node.children ?? (node.children = new Map());
      const route = isVariable(token) ? WILDCARD : token;
      let next: TreeNode | undefined = children.get(route);
      if (next === undefined) {
        // A full node sends new tokens to its wildcard child: first tokens that vary without
        // digits (user names, hosts) must not grow the tree without bound.
        const key = children.size < this.options.maxChildren ? route : WILDCARD;
        next = children.get(key);
        if (next === undefined) {
          next = { children: null, clusters: null };
          children.set(key, next);
        }
      }
      node = next;
    }
    return node;
  }

  /* The catch-all template of a token count, made on first need. */
  private catchAll(tokens: string[]): number {
    let id = this.overflow.get(tokens.length);
    if (id === undefined) {
      id = this.clusters.length;
      this.clusters.push(newCluster(tokens));
      this.overflow.set(tokens.length, id);
    }
    return id;
  }

  /* The leaf's most similar template (ties: the more general) and its similarity. */
  private bestMatch(list: number[], tokens: string[]): { id: number; sim: number } {
    let best = -1;
    let bestSim = -1;
    let bestWild = -1;
    const n = tokens.length;
    const variable = new Uint8Array(n);
    for (let i = 0; i < n; i++) variable[i] = isVariable(tokens[i]!) ? 1 : 0;
    // More mismatches than this and the similarity is below the threshold whatever follows.
    const budget = Math.floor((1 - this.options.similarity) * n + 1e-9);
    for (let k = Math.max(0, list.length - this.options.maxLeafScan); k < list.length; k++) {
      const id = list[k]!;
      const c = this.clusters[id]!;
      let same = 0;
      let compared = 0;
      for (let i = 0; i < n && compared - same <= budget; i++) {
        // A value against a value (or a `<*>`) says nothing; a word where the template already
        // says `<*>` counts against it, so a template cannot drift into matching anything.
        if (variable[i] === 1 && c.values[i] === 1) continue;
        compared++;
        if (c.tokens[i] === tokens[i]) same++;
      }
      // Stopped early: certainly below the threshold; 0 keeps the choice among such deterministic.
      const sim = compared - same > budget ? 0 : compared === 0 ? 1 : same / compared;
      if (sim > bestSim || (sim === bestSim && c.wildcards > bestWild)) {
        best = id;
        bestSim = sim;
        bestWild = c.wildcards;
      }
    }
    return { id: best, sim: bestSim };
  }

  private generalise(c: Cluster, tokens: string[]): void {
    for (let i = 0; i < tokens.length; i++) {
      if (c.tokens[i] !== WILDCARD && c.tokens[i] !== tokens[i]) {
        c.tokens[i] = WILDCARD;
        c.values[i] = 1;
        c.wildcards++;
      }
    }
  }

  /** Final templates: clusters whose templates came out equal are one pattern. */
  finish(): MinedTemplates {
    const byTemplate = new Map<string, number>();
    const templates: string[][] = [];
    const index = new Int32Array(this.clusters.length);
    this.clusters.forEach((c, id) => {
      const text = c.tokens.join(' ');
      let p = byTemplate.get(text);
      if (p === undefined) {
        p = templates.push(c.tokens.slice()) - 1;
        byTemplate.set(text, p);
      }
      index[id] = p;
    });
    const merged = mergeVariableColumns(templates, this.options.minDistinct);
    // Two merges can end on the same template: they are one pattern.
    const final: string[][] = [];
    const finalOf = new Map<string, number>();
    const slot = merged.templates.map((t) => {
      const text = t.join(' ');
      let f = finalOf.get(text);
      if (f === undefined) {
        f = final.push(t) - 1;
        finalOf.set(text, f);
      }
      return f;
    });
    for (let id = 0; id < index.length; id++) index[id] = slot[merged.indexOf[index[id]!]!]!;
    return { templates: final, patternOf: (id) => index[id] ?? -1 };
  }
}
