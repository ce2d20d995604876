// The traffic cop's logic: a teammate's answer to the item that arrived while the member was
// writing a reply to it. Pure; composer/TrafficCop.tsx shows the warning and holds the submit.
import type { ItemStatus } from '../messaging';

export type Answer = NonNullable<ItemStatus['answered']>;

/**
 * The teammate's answer that is new since the member started writing (`before`: the item's
 * latest answer then), or undefined: none, the member's own, or the one already known.
 */
export function newTeammateAnswer(before: Answer | undefined, now: Answer | undefined): Answer | undefined {
  if (!now || now.self) return undefined;
  if (before && before.at === now.at && before.memberName === now.memberName) return undefined;
  if (before && Date.parse(now.at) < Date.parse(before.at)) return undefined;
  return now;
}
