import type { ExecutiveGroup } from '../domain/executive-group.js';
import { groupReceives, type GroupCopyKind } from '../domain/executive-group-choice.js';
import type { Message } from '../line/messages.js';
import type { Outgoing } from '../outbox/enqueue.js';

/** What a job sends the organisation's executives' group, when one is linked and chose to receive it. */
export interface GroupCopy {
  /** 1 when the group receives it, else 0: a recipient of the run like each executive. */
  recipients: number;
  /** The messages for the group (none when it does not receive them), under a key of the run and the group. */
  outgoing(messages: Message[]): Outgoing[];
}

/**
 * The executives' group's copy of what a run sends executives. One push to the group (a group id cannot be
 * multicast to), keyed `<run id>:group:<group key>:<what>`, so a run, resumed or repeated, sends it once;
 * the key names the group by its keyed hash, never its id. Buttons are left out: in a group the bot answers
 * no button, and an executive has the same message with its buttons in their own chat.
 */
export function executiveGroupCopy(runId: string, group: ExecutiveGroup | null, what: GroupCopyKind): GroupCopy {
  if (!group || !groupReceives(group.choice, what)) return { recipients: 0, outgoing: () => [] };
  return {
    recipients: 1,
    outgoing: (messages) => [{ key: `${runId}:group:${group.groupKey}:${what}`, to: [group.groupId], messages: messages.map(withoutButtons) }],
  };
}

/** A message without its postback buttons (a flex footer left empty goes too) and without quick replies. */
export function withoutButtons(message: Message): Message {
  const strip = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.filter((n) => !isPostbackButton(n)).map(strip);
    if (!node || typeof node !== 'object') return node;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(node)) {
      if (k === 'quickReply' || (k === 'action' && (v as { type?: string } | null)?.type === 'postback')) continue;
      const value = strip(v);
      if (k === 'footer' && isEmptyBox(value)) continue;
      out[k] = value;
    }
    return out;
  };
  return strip(message) as Message;
}

const isPostbackButton = (n: unknown): boolean => {
  const node = n as { type?: string; action?: { type?: string } } | null;
  return !!node && typeof node === 'object' && node.type === 'button' && node.action?.type === 'postback';
};

const isEmptyBox = (n: unknown): boolean => {
  const node = n as { type?: string; contents?: unknown[] } | null;
  return !!node && node.type === 'box' && Array.isArray(node.contents) && node.contents.every((c): boolean => isEmptyBox(c) || (c as { type?: string }).type === 'separator' || (c as { type?: string }).type === 'filler');
};
