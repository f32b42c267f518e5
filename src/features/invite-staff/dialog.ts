import type { DialogState } from '../../domain/dialog-state.js';
import { figures, type Figures } from '../../domain/figures.js';
import { ROLE_TH, rolesTh, STAFF_ROLES, type StaffRole } from '../../domain/roles.js';
import { parseScope, scopeKey, scopeTh } from '../../domain/rollup.js';
import { MAX_OFFICIAL_POSITION } from '../../domain/staff.js';
import { truncate } from '../../domain/thai.js';
import { cleanFreeText } from '../../dialogs/free-text.js';
import type { DialogInput, Outcome } from '../../dialogs/types.js';
import { isConfirmWord, isSkipWord } from '../../dialogs/words.js';
import { LINE_LIMITS } from '../../line/limits.js';
import { quickPostback, quickText, text, type Message, type QuickReply } from '../../line/messages.js';
import { postbackData } from '../../line/postback.js';
import { INVITE_ACTIONS } from './actions.js';
import { INVITE_TEXT as SAY, INVITE_VALID_HOURS, ROLE_BUTTON } from './words.js';

/**
 * An admin inviting someone: the roles (several may be chosen), the unit, the position, a supervisor's scope
 * (only for that role), then the summary to confirm. Nothing is stored until the confirmation; the code is
 * then made by the same function as the CLI's `invite`.
 */
export const DIALOG = 'staff_invite';

export type InviteStep = 'roles' | 'unit' | 'position' | 'scope' | 'confirm';

export interface InviteDraft {
  roles: StaffRole[];
  unit: string | null;
  position: string | null;
  /** As stored (`scopeKey`). */
  scope: string | null;
  /** The units offered as buttons, read once when the dialog starts. */
  units: string[];
}

type InviteState = DialogState<InviteDraft> & { step: InviteStep };

export type InviteEffect = { type: 'invite'; draft: InviteDraft };

const MAX_UNIT = 100;
/** Buttons of units, leaving room for "ข้าม" and "ยกเลิก". */
const UNIT_BUTTONS = LINE_LIMITS.quickReplyItems - 2;

const cancelButton = () => quickText('ยกเลิก');
const state = (step: InviteStep, data: InviteDraft): InviteState => ({ dialog: DIALOG, step, data });

/** A place typed as people write it: "จังหวัดอ่างทอง", "จังหวัดอ่างทอง/อำเภอโพธิ์ทอง", "อำเภอโพธิ์ทอง จังหวัดอ่างทอง", "ทั่วประเทศ". */
export function readTypedScope(typed: string): string | null {
  const t = typed.normalize('NFC').replace(/\s+/g, ' ').trim();
  const province = '(?:จังหวัด|จ\\.)\\s*';
  const district = '(?:อำเภอ|อ\\.|เขต)\\s*';
  const provinceThenDistrict = new RegExp(`^${province}([^/]+?)\\s*(?:/|\\s)\\s*${district}(.+)$`).exec(t);
  const districtThenProvince = new RegExp(`^${district}([^/]+?)\\s*(?:/|\\s)\\s*${province}(.+)$`).exec(t);
  const provinceOnly = new RegExp(`^${province}(.+)$`).exec(t);
  const key = /^(?:ทั่วประเทศ|national)$/i.test(t)
    ? 'national'
    : provinceThenDistrict
      ? `district:${provinceThenDistrict[1]}/${provinceThenDistrict[2]}`
      : districtThenProvince
        ? `district:${districtThenProvince[2]}/${districtThenProvince[1]}`
        : provinceOnly
          ? `province:${provinceOnly[1]}`
          : null;
  const scope = key ? parseScope(key) : null;
  return scope ? scopeKey(scope) : null;
}

export function askRoles(draft: InviteDraft, before: string[] = []): Outcome<InviteEffect> {
  const toggles: QuickReply[] = STAFF_ROLES.map((r) =>
    quickPostback(`${draft.roles.includes(r) ? '✓ ' : ''}${ROLE_BUTTON[r]}`, postbackData(INVITE_ACTIONS.inviteRole, { r }), ROLE_TH[r]),
  );
  const ask = [...before, SAY.askRoles, SAY.chosen(rolesTh(draft.roles))].join('\n');
  return { replies: [text(ask, [...toggles, quickPostback(SAY.next, postbackData(INVITE_ACTIONS.inviteNext)), cancelButton()])], state: state('roles', draft) };
}

function askUnit(draft: InviteDraft): Outcome<InviteEffect> {
  const units = draft.units.slice(0, UNIT_BUTTONS).map((u) => quickText(truncate(u, LINE_LIMITS.quickReplyLabel), u));
  return { replies: [text(SAY.askUnit, [...units, quickText('ข้าม'), cancelButton()])], state: state('unit', draft) };
}

function askPosition(draft: InviteDraft): Outcome<InviteEffect> {
  return { replies: [text(SAY.askPosition, [quickText('ข้าม'), cancelButton()])], state: state('position', draft) };
}

function askScope(draft: InviteDraft, before: string[] = []): Outcome<InviteEffect> {
  return { replies: [text([...before, SAY.askScope].join('\n'), [quickText('ทั่วประเทศ'), cancelButton()])], state: state('scope', draft) };
}

/** The invitation as it will be made. */
export function inviteSummary(draft: InviteDraft, f: Figures): string {
  const scope = draft.scope ? parseScope(draft.scope) : null;
  return [
    SAY.confirmHeading,
    `บทบาท: ${rolesTh(draft.roles)}`,
    `${SAY.unit}: ${draft.unit ?? SAY.notGiven}`,
    `${SAY.position}: ${draft.position ?? SAY.notGiven}`,
    ...(scope ? [`${SAY.scope}: ${scopeTh(scope)}`] : []),
    SAY.validFor(f.count(INVITE_VALID_HOURS)),
  ].join('\n');
}

function askConfirm(draft: InviteDraft, f: Figures): Outcome<InviteEffect> {
  return { replies: [text(inviteSummary(draft, f), [quickPostback(SAY.confirm, postbackData(INVITE_ACTIONS.inviteConfirm)), cancelButton()])], state: state('confirm', draft) };
}

/** The question of a step again, with its buttons. */
function ask(s: InviteState, f: Figures, before: string[] = []): Outcome<InviteEffect> {
  const outcome = (() => {
    switch (s.step) {
      case 'roles':
        return askRoles(s.data);
      case 'unit':
        return askUnit(s.data);
      case 'position':
        return askPosition(s.data);
      case 'scope':
        return askScope(s.data);
      case 'confirm':
        return askConfirm(s.data, f);
    }
  })();
  return { ...outcome, replies: [...before.map((b) => text(b)), ...outcome.replies] };
}

/** A typed one-line value; the reason in Thai when it is none. */
function oneLine(raw: string, what: string, max: number, f: Figures): string | { error: string } {
  const value = cleanFreeText(raw);
  if (typeof value !== 'string') return value;
  if (/[\r\n]/.test(value) || value.length > max) return { error: SAY.oneLine(what, f.count(max)) };
  return value;
}

const afterPosition = (draft: InviteDraft, f: Figures) => (draft.roles.includes('supervisor') ? askScope(draft) : askConfirm({ ...draft, scope: null }, f));

export function continueInvite(s: InviteState, input: DialogInput, f: Figures = figures()): Outcome<InviteEffect> {
  const draft = s.data;
  if (input.kind === 'postback') {
    if (s.step === 'roles' && input.action === INVITE_ACTIONS.inviteRole.name) {
      const role = input.params.r as StaffRole;
      const roles = draft.roles.includes(role) ? draft.roles.filter((r) => r !== role) : STAFF_ROLES.filter((r) => r === role || draft.roles.includes(r));
      return askRoles({ ...draft, roles });
    }
    if (s.step === 'roles' && input.action === INVITE_ACTIONS.inviteNext.name) {
      return draft.roles.length === 0 ? askRoles(draft, [SAY.needRole]) : askUnit(draft);
    }
    if (s.step === 'confirm' && input.action === INVITE_ACTIONS.inviteConfirm.name) return { replies: [], state: null, effects: [{ type: 'invite', draft }] };
    return ask(s, f, [SAY.oldStep]);
  }
  if (input.kind !== 'text') return ask(s, f, [SAY.needText]);
  switch (s.step) {
    case 'roles':
      return askRoles(draft, [SAY.needRole]);
    case 'unit': {
      if (isSkipWord(input.text)) return askPosition({ ...draft, unit: null });
      const unit = oneLine(input.text, SAY.unit, MAX_UNIT, f);
      return typeof unit === 'string' ? askPosition({ ...draft, unit }) : ask(s, f, [unit.error]);
    }
    case 'position': {
      if (isSkipWord(input.text)) return afterPosition({ ...draft, position: null }, f);
      const position = oneLine(input.text, SAY.position, MAX_OFFICIAL_POSITION, f);
      return typeof position === 'string' ? afterPosition({ ...draft, position }, f) : ask(s, f, [position.error]);
    }
    case 'scope': {
      const scope = readTypedScope(input.text);
      return scope ? askConfirm({ ...draft, scope }, f) : askScope(draft, [SAY.badScope]);
    }
    case 'confirm':
      return isConfirmWord(input.text) ? { replies: [], state: null, effects: [{ type: 'invite', draft }] } : ask(s, f);
  }
}

export function repeatInvitePrompt(s: InviteState, f: Figures): Message[] {
  return ask(s, f).replies;
}

export function isInviteState(s: DialogState | null): s is InviteState {
  return s?.dialog === DIALOG && ['roles', 'unit', 'position', 'scope', 'confirm'].includes(s.step);
}
