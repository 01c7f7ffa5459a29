/** A message catalogue: nested objects whose leaves are ICU strings. */
export interface MessageTree {
  [key: string]: string | MessageTree;
}

/**
 * The part of a catalogue a client subtree needs: each path is a namespace (`profile`) or a branch of one
 * (`requirements.statuses`). Client components get only these, so a page does not serialize every text of the
 * application into its HTML. A path that names nothing is an error: it would show raw keys on the page.
 */
export function pickMessages(messages: MessageTree, paths: readonly string[]): MessageTree {
  const picked: MessageTree = {};
  for (const path of paths) {
    const keys = path.split('.');
    let source: string | MessageTree = messages;
    let target = picked;
    for (const [index, key] of keys.entries()) {
      const next: string | MessageTree | undefined = typeof source === 'object' ? source[key] : undefined;
      if (next === undefined) throw new Error(`No messages at "${path}"`);
      const existing = target[key];
      // Already picked whole by a shorter path: nothing to add (and never write into the shared catalogue).
      if (existing === next) break;
      if (index === keys.length - 1) target[key] = next;
      else target = typeof existing === 'object' ? existing : (target[key] = {});
      source = next;
    }
  }
  return picked;
}
