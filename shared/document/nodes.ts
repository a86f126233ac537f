import { DecoratorNode } from 'lexical';
import type { LexicalNode, NodeKey, SerializedLexicalNode, Spread } from 'lexical';
import { LiveBlockSpec } from './blocks';
import type { LiveBlockSpec as LiveBlockSpecType } from './blocks';

export const LIVE_BLOCK_NODE_TYPE = 'rootline-live-block';

export type SerializedLiveBlockNode = Spread<{ spec: LiveBlockSpecType }, SerializedLexicalNode>;

/**
 * A block that shows current incident data (timeline, causes, actions…) and is rendered at
 * export time. This base class carries only data, so it works in a headless editor in Node;
 * the renderer registers a subclass that adds the DOM and the React view.
 */
export class LiveBlockNode extends DecoratorNode<unknown> {
  __spec: LiveBlockSpecType;

  static override getType(): string {
    return LIVE_BLOCK_NODE_TYPE;
  }

  static override clone(node: LiveBlockNode): LiveBlockNode {
    return new LiveBlockNode(node.__spec, node.__key);
  }

  static override importJSON(json: SerializedLiveBlockNode): LiveBlockNode {
    return new LiveBlockNode(readSpec(json));
  }

  constructor(spec: LiveBlockSpecType, key?: NodeKey) {
    super(key);
    this.__spec = spec;
  }

  override exportJSON(): SerializedLiveBlockNode {
    return { ...super.exportJSON(), type: LIVE_BLOCK_NODE_TYPE, version: 1, spec: this.__spec };
  }

  getSpec(): LiveBlockSpecType {
    return this.getLatest().__spec;
  }

  setSpec(spec: LiveBlockSpecType): this {
    const writable = this.getWritable();
    writable.__spec = spec;
    return writable;
  }

  override isInline(): boolean {
    return false;
  }

  override decorate(): unknown {
    return null;
  }

  override getTextContent(): string {
    return '';
  }
}

/** The spec of a serialized node, repaired to defaults when a stored one is damaged. */
export function readSpec(json: { spec?: unknown }): LiveBlockSpecType {
  const parsed = LiveBlockSpec.safeParse(json.spec);
  return parsed.success ? parsed.data : { block: 'timeline', scope: 'key', from: null, to: null };
}

export function $createLiveBlockNode(spec: LiveBlockSpecType): LiveBlockNode {
  return new LiveBlockNode(spec);
}

export function $isLiveBlockNode(node: LexicalNode | null | undefined): node is LiveBlockNode {
  return node instanceof LiveBlockNode;
}
