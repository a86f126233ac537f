/**
 * A bounded memo keyed by a message and whether its header may be left (`patternKey`'s two
 * inputs). Two maps rather than one keyed by a marked copy of the message: building that copy
 * (`\u0001` + message) makes a new string to flatten and hash for every record, which cost more
 * than the lookup saved. `limit` bounds both maps together, and both are emptied at once when it
 * is reached, so a memo clears at the same moments a single map of the marked keys would.
 */
export class MessageMemo<V> {
  private readonly plain = new Map<string, V>();
  private readonly headed = new Map<string, V>();

  constructor(private readonly limit: number) {}

  get(message: string, headerLeft: boolean): V | undefined {
    return (headerLeft ? this.headed : this.plain).get(message);
  }

  set(message: string, headerLeft: boolean, value: V): void {
    if (this.plain.size + this.headed.size >= this.limit) this.clear();
    (headerLeft ? this.headed : this.plain).set(message, value);
  }

  clear(): void {
    this.plain.clear();
    this.headed.clear();
  }
}
