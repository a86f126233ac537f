/*
 * Tree walks without recursion. The depth of a cause tree or of a section's text is whatever the
 * data says (a bundle can hold a 50,000-deep chain); a recursive walk overflows the call stack
 * long before that, so every walk whose depth comes from input uses these explicit stacks.
 */

/** Callbacks of `walkTree`. `enter` returns false to skip a node's children (its `leave` still runs). */
export interface TreeVisitor<T> {
  enter(node: T, depth: number, index: number, parent: T | null): boolean | void;
  leave?(node: T, depth: number): void;
}

/**
 * Depth-first walk in document order: `enter` before a node's children, `leave` after them.
 * Linear in the number of nodes; the depth costs heap, not call stack.
 */
export function walkTree<T>(root: T, children: (node: T) => readonly T[], visitor: TreeVisitor<T>): void {
  interface Frame {
    node: T;
    depth: number;
    kids: readonly T[];
    next: number;
  }
  const stack: Frame[] = [];
  const open = (node: T, depth: number, index: number, parent: T | null): void => {
    const descend = visitor.enter(node, depth, index, parent) !== false;
    stack.push({ node, depth, kids: descend ? children(node) : [], next: 0 });
  };
  open(root, 0, 0, null);
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    if (top.next < top.kids.length) {
      const i = top.next++;
      open(top.kids[i]!, top.depth + 1, i, top.node);
    } else {
      stack.pop();
      visitor.leave?.(top.node, top.depth);
    }
  }
}

/**
 * Folds a tree bottom-up: `combine` gets each node with the results of its children (in order)
 * and returns the node's own result. Children are listed once per node; no recursion.
 */
export function foldTree<T, R>(
  root: T,
  children: (node: T) => readonly T[],
  combine: (node: T, results: R[]) => R,
): R {
  const results: R[][] = [[]];
  walkTree(root, children, {
    enter: () => {
      results.push([]);
    },
    leave: (node) => {
      const own = results.pop()!;
      results[results.length - 1]!.push(combine(node, own));
    },
  });
  return results[0]![0]!;
}
