import type { messagingApi } from '@line/bot-sdk';
import type { Figures } from '../../domain/figures.js';
import type { OrganisationOverview } from '../../domain/organisation-overview.js';
import { ROLE_TH, STAFF_ROLES } from '../../domain/roles.js';
import { truncate } from '../../domain/thai.js';
import { LINE_LIMITS } from '../../line/limits.js';
import type { Message } from '../../line/messages.js';
import { ADMIN_COMMANDS, MANAGE_TEXT as SAY } from './words.js';

const NAVY = '#1F3A5F';
const GREY = '#6B7785';

/** The card's buttons, in the order an organisation's year runs: the plan first, then people, settings, the record. */
const BUTTONS = [ADMIN_COMMANDS.importFile, ADMIN_COMMANDS.invite, ADMIN_COMMANDS.staff, ADMIN_COMMANDS.settings, ADMIN_COMMANDS.log] as const;

function row(label: string, value: string, options: { bold?: boolean; small?: boolean } = {}): messagingApi.FlexBox {
  const size = options.small ? 'xs' : 'sm';
  return {
    type: 'box',
    layout: 'baseline',
    spacing: 'sm',
    contents: [
      { type: 'text', text: label, size, flex: 6, wrap: true, color: options.small ? GREY : '#333333' },
      { type: 'text', text: value, size, flex: 3, align: 'end', wrap: true, weight: options.bold ? 'bold' : 'regular', color: '#111111' },
    ],
  };
}

/**
 * The admin's home (`จัดการ`): which organisation and year, its people by role and its plan, and a button
 * for each admin command, each sending the command's text as if typed (so every one is typed the same way).
 */
export function homeCard(o: OrganisationOverview, f: Figures): Message {
  const name = o.name.trim() || SAY.unnamed;
  const roles = STAFF_ROLES.filter((r) => o.byRole[r] > 0).map((r) => row(`• ${ROLE_TH[r]}`, SAY.persons(f.count(o.byRole[r])), { small: true }));
  const plan = o.planItems > 0 ? SAY.items(f.count(o.planItems)) : SAY.noPlan;
  const people = o.people > 0 ? SAY.persons(f.count(o.people)) : SAY.noStaff;
  const bubble: messagingApi.FlexBubble = {
    type: 'bubble',
    header: {
      type: 'box',
      layout: 'vertical',
      backgroundColor: NAVY,
      paddingAll: 'lg',
      contents: [
        { type: 'text', text: SAY.heading, size: 'sm', color: '#DDE6F0' },
        { type: 'text', text: truncate(name, 200), size: 'lg', weight: 'bold', color: '#FFFFFF', wrap: true },
      ],
    },
    body: {
      type: 'box',
      layout: 'vertical',
      spacing: 'sm',
      contents: [
        row(SAY.fiscalYear, f.fiscalYear(o.fiscalYear), { bold: true }),
        row(SAY.plan, plan, { bold: true }),
        { type: 'separator', margin: 'md' },
        row(SAY.people, people, { bold: true }),
        ...(roles.length > 0 ? [{ type: 'text', text: SAY.byRole, size: 'xxs', color: GREY, wrap: true } as messagingApi.FlexText, ...roles] : []),
        { type: 'separator', margin: 'md' },
        { type: 'text', text: SAY.buttons, size: 'xs', color: GREY, margin: 'md' },
      ],
    },
    footer: {
      type: 'box',
      layout: 'vertical',
      spacing: 'xs',
      contents: BUTTONS.map(
        (command, i): messagingApi.FlexButton => ({
          type: 'button',
          height: 'sm',
          ...(i === 0 ? { style: 'primary', color: NAVY } : { style: 'secondary' }),
          action: { type: 'message', label: command, text: command },
        }),
      ),
    },
  };
  const alt = `${SAY.heading} ${name} · ${SAY.fiscalYear} ${f.fiscalYear(o.fiscalYear)} · ${SAY.plan} ${plan} · ${SAY.people} ${people}`;
  return { type: 'flex', altText: truncate(alt, LINE_LIMITS.altText), contents: bubble };
}
