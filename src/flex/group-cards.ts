import type { messagingApi } from '@line/bot-sdk';
import { figures, type Figures } from '../domain/figures.js';
import { truncate } from '../domain/thai.js';
import { LINE_LIMITS } from '../line/limits.js';
import { renderTemplate } from '../line/flex-template.js';
import type { Message } from '../line/messages.js';

/**
 * Cards an executive looks at instead of a list to read: an overview card, then one card a group (a unit,
 * an officer, a handler) with its counts and a button to that group's full list, the largest group first.
 * When the groups do not fit one carousel, the last card names the rest with their sizes and its button lists
 * them, as the measure carousel's "next page" card does.
 */
export interface CountRow {
  label: string;
  count: number;
  colour: string;
}

export interface CardGroup {
  name: string;
  note?: string | null;
  rows: CountRow[];
  /** Shown under the counts, e.g. why a group has no list. */
  footnote?: string | null;
  /** Absent for a group whose details the card's readers may not see. */
  button?: { label: string; postback: string } | null;
  /** How many items the group holds, for the "more" card. */
  size: number;
}

export const COLOURS = {
  overview: '#1F3A5F',
  group: '#2E5C8A',
  confidential: '#6B4C9A',
  more: '#5B6B7F',
  red: '#D93025',
  amber: '#E0A800',
  grey: '#8C8C8C',
  slate: '#5B6B7F',
  green: '#1E9E4A',
} as const;

/** The whole message stays under this, well inside LINE's altText limit, so a notification reads in one glance. */
export const ALT_TEXT_MAX = 400;
/** Rows of group names on the "more" card before it says "…and N more". */
const MORE_ROWS = 12;

function card(group: Omit<CardGroup, 'size'>, headerColour: string, { count }: Figures): messagingApi.FlexBubble {
  return renderTemplate('group-card', {
    headerColour,
    name: truncate(group.name, 120),
    note: group.note ? truncate(group.note, 160) : null,
    rows: group.rows.map((r) => ({ label: truncate(r.label, 80), count: count(r.count), colour: r.colour })),
    footnote: group.footnote ? truncate(group.footnote, 200) : null,
    buttonLabel: group.button?.label ?? null,
    postback: group.button?.postback ?? null,
  });
}

/** How many group cards fit beside the overview (and the "more" card when needed). */
export function shownGroupCount(groups: number, leading: number): number {
  const room = LINE_LIMITS.carouselBubbles - leading;
  return groups <= room ? groups : room - 1;
}

export function groupCarousel(options: {
  altText: string;
  overview: Omit<CardGroup, 'size'>;
  groups: CardGroup[];
  /** The "more" card: what a hidden group is called ("หน่วยงาน"), and the button listing the hidden groups. */
  more: { noun: string; postback: string };
  /** Extra cards that always come after the overview (e.g. a confidential count); they take room first. */
  fixed?: Omit<CardGroup, 'size'>[];
  /** The organisation's digit style for the counts. */
  figures?: Figures;
}): Message {
  const f = options.figures ?? figures();
  const { count } = f;
  const fixed = options.fixed ?? [];
  const bubbles = [card(options.overview, COLOURS.overview, f), ...fixed.map((g) => card(g, COLOURS.confidential, f))];
  const shown = shownGroupCount(options.groups.length, bubbles.length);
  for (const group of options.groups.slice(0, shown)) bubbles.push(card(group, COLOURS.group, f));
  const hidden = options.groups.slice(shown);
  if (hidden.length > 0) {
    const rows = hidden.slice(0, MORE_ROWS).map((g) => ({ label: g.name, count: g.size, colour: COLOURS.slate }));
    bubbles.push(
      card(
        {
          name: `และอีก ${count(hidden.length)} ${options.more.noun}`,
          note: `รวม ${count(hidden.reduce((n, g) => n + g.size, 0))} รายการ`,
          rows,
          footnote: hidden.length > MORE_ROWS ? `และอีก ${count(hidden.length - MORE_ROWS)} ${options.more.noun}` : null,
          button: { label: 'ดูรายการที่เหลือ', postback: options.more.postback },
        },
        COLOURS.more,
        f,
      ),
    );
  }
  return { type: 'flex', altText: truncate(options.altText, ALT_TEXT_MAX), contents: { type: 'carousel', contents: bubbles } };
}

/**
 * A group's full list as one text: a heading, then the entries while they fit one LINE text, then how many
 * were left out.
 */
export function listText(heading: string, entries: string[], { count }: Figures = figures()): string {
  const limit = LINE_LIMITS.textLength - 200;
  const lines = [heading];
  let length = heading.length;
  let shown = 0;
  for (const entry of entries) {
    if (length + 1 + entry.length > limit) break;
    lines.push(entry);
    length += 1 + entry.length;
    shown++;
  }
  if (shown < entries.length) lines.push(`และอีก ${count(entries.length - shown)} รายการ`);
  return lines.join('\n');
}
