import type { EditorConfig, LexicalNode, NodeKey } from 'lexical';
import type { JSX } from 'react';
import type { LiveBlockSpec } from '../../shared/document/blocks';
import { LiveBlockNode, readSpec } from '../../shared/document/nodes';
import type { SerializedLiveBlockNode } from '../../shared/document/nodes';
import { LiveBlockView } from '../features/document/components/LiveBlockView';

/** The editor's live block: the shared node plus a DOM host and the React view of current data. */
export class LiveBlockEditorNode extends LiveBlockNode {
  static override getType(): string {
    return LiveBlockNode.getType();
  }

  static override clone(node: LiveBlockEditorNode): LiveBlockEditorNode {
    return new LiveBlockEditorNode(node.__spec, node.__key);
  }

  static override importJSON(json: SerializedLiveBlockNode): LiveBlockEditorNode {
    return new LiveBlockEditorNode(readSpec(json));
  }

  constructor(spec: LiveBlockSpec, key?: NodeKey) {
    super(spec, key);
  }

  override createDOM(_config: EditorConfig): HTMLElement {
    const div = document.createElement('div');
    div.className = 'editor-live-block';
    div.contentEditable = 'false';
    return div;
  }

  override updateDOM(): boolean {
    return false;
  }

  override decorate(): JSX.Element {
    return <LiveBlockView spec={this.__spec} nodeKey={this.getKey()} />;
  }
}

export function $createLiveBlockEditorNode(spec: LiveBlockSpec): LexicalNode {
  return new LiveBlockEditorNode(spec);
}
