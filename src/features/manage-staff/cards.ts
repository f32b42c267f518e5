import type { messagingApi } from '@line/bot-sdk';
import type { Figures } from '../../domain/figures.js';
import { ROLE_TH, rolesTh, STAFF_ROLES, type StaffRole } from '../../domain/roles.js';
import { parseScope, scopeTh } from '../../domain/rollup.js';
import { truncate } from '../../domain/thai.js';
import { LINE_LIMITS } from '../../line/limits.js';
import { quickPostback, text, type Message } from '../../line/messages.js';
import { postbackData } from '../../line/postback.js';
import { ROLE_BUTTON } from '../invite-staff/words.js';
import { STAFF_ACTIONS } from './actions.js';
import { maskOf, toggled } from './roles-mask.js';
import { STAFF_TEXT as SAY } from './words.js';

/** A staff member as the list shows them, with the key their buttons name them by. */
export interface ListedPerson {
  key: string;
  name: string;
  roles: StaffRole[];
  unit: string | null;
  position: string | null;
  scope: string | null;
}

/** People a page: a carousel holds 12 bubbles, and ten keep it well within its 50 KB with long names. */
export const PER_PAGE = 10;

const BLUE = '#1F3A5F';
const GREY = '#6B7785';

/** By unit (those without one last), then by name: the list reads as the organisation chart does. */
export function byUnitAndName(people: readonly ListedPerson[]): ListedPerson[] {
  return [...people].sort((a, b) => (a.unit ?? '\uffff').localeCompare(b.unit ?? '\uffff', 'th') || a.name.localeCompare(b.name, 'th') || (a.key < b.key ? -1 : 1));
}

function bubble(p: ListedPerson): messagingApi.FlexBubble {
  const scope = p.scope ? parseScope(p.scope) : null;
  const button = (label: string, data: string): messagingApi.FlexButton => ({ type: 'button', style: 'link', height: 'sm', action: { type: 'postback', label, data, displayText: truncate(`${label} ${p.name}`, 100) } });
  return {
    type: 'bubble',
    size: 'kilo',
    header: { type: 'box', layout: 'vertical', backgroundColor: BLUE, paddingAll: 'md', contents: [{ type: 'text', text: truncate(p.unit ?? SAY.noUnit, 80), color: '#FFFFFF', size: 'sm', wrap: true }] },
    body: {
      type: 'box',
      layout: 'vertical',
      spacing: 'xs',
      contents: [
        { type: 'text', text: truncate(p.name || '-', 100), weight: 'bold', size: 'md', wrap: true },
        ...(p.position ? [{ type: 'text' as const, text: truncate(p.position, 150), size: 'xs', color: GREY, wrap: true }] : []),
        ...p.roles.map((r) => ({ type: 'text' as const, text: `• ${ROLE_TH[r]}`, size: 'sm', wrap: true })),
        ...(scope ? [{ type: 'text' as const, text: `ขอบเขต: ${scopeTh(scope)}`, size: 'xs', color: GREY, wrap: true }] : []),
      ],
    },
    footer: {
      type: 'box',
      layout: 'vertical',
      contents: [
        button(SAY.changeRoles, postbackData(STAFF_ACTIONS.staffRoles, { p: p.key, b: maskOf(p.roles) })),
        button(SAY.revoke, postbackData(STAFF_ACTIONS.staffRevoke, { p: p.key })),
      ],
    },
  };
}

/** One page of the staff list: a bubble a person with their buttons, and the next page's button under it. */
export function staffPage(people: readonly ListedPerson[], page: number, f: Figures): Message[] {
  if (people.length === 0) return [text(SAY.none)];
  const pages = Math.ceil(people.length / PER_PAGE);
  const at = Math.min(Math.max(page, 0), pages - 1);
  const shown = people.slice(at * PER_PAGE, (at + 1) * PER_PAGE);
  const heading = SAY.heading(f.count(people.length), pages > 1 ? { page: f.count(at + 1), pages: f.count(pages) } : null);
  const more = at + 1 < pages ? [quickPostback(SAY.nextPage, postbackData(STAFF_ACTIONS.staffPage, { pg: String(at + 1) }))] : [];
  const carousel: Message = { type: 'flex', altText: truncate(heading, LINE_LIMITS.altText), contents: { type: 'carousel', contents: shown.map(bubble) } };
  return [text(heading), more.length > 0 ? { ...carousel, quickReply: { items: more } } : carousel];
}

/** The roles to tick: each toggles, then "ถัดไป" shows before → after. A supervisor's role only for someone with a scope. */
export function rolesChooser(p: ListedPerson, before: StaffRole[], chosen: StaffRole[], note?: string): Message {
  const offered = STAFF_ROLES.filter((r) => r !== 'supervisor' || p.scope || before.includes(r));
  const toggles = offered.map((r) =>
    quickPostback(`${chosen.includes(r) ? '✓ ' : ''}${ROLE_BUTTON[r]}`, postbackData(STAFF_ACTIONS.staffRoles, { p: p.key, b: maskOf(before), r: maskOf(toggled(chosen, r)) }), ROLE_TH[r]),
  );
  const next = quickPostback(SAY.next, postbackData(STAFF_ACTIONS.staffRolesNext, { p: p.key, b: maskOf(before), r: maskOf(chosen) }));
  const ask = SAY.askRoles(p.name, rolesTh(before), rolesTh(chosen));
  return text(note ? `${note}\n\n${ask}` : ask, [...toggles, next, quickPostback(SAY.cancel, postbackData(STAFF_ACTIONS.staffCancel))]);
}

export function rolesConfirmation(p: ListedPerson, before: StaffRole[], after: StaffRole[]): Message {
  return text(SAY.confirmRoles(p.name, rolesTh(before), rolesTh(after)), [
    quickPostback(SAY.confirm, postbackData(STAFF_ACTIONS.staffRolesConfirm, { p: p.key, b: maskOf(before), r: maskOf(after) })),
    quickPostback(SAY.cancel, postbackData(STAFF_ACTIONS.staffCancel)),
  ]);
}

export function revokeConfirmation(p: ListedPerson): Message {
  return text(SAY.confirmRevokeText(p.name, rolesTh(p.roles)), [
    quickPostback(SAY.confirmRevoke, postbackData(STAFF_ACTIONS.staffRevokeConfirm, { p: p.key, b: maskOf(p.roles) })),
    quickPostback(SAY.cancel, postbackData(STAFF_ACTIONS.staffCancel)),
  ]);
}
