import { describe, expect, it } from 'vitest';
import type { Feature, Sender } from '../../src/features/common/context.js';
import { USER_FEATURES } from '../../src/chat/features.js';
import { helpQuickReplies, helpText } from '../../src/features/help/menu.js';
import { understand } from '../../src/chat/understand.js';
import { STAFF_ROLES, type StaffRole } from '../../src/domain/roles.js';
import type { StaffMember } from '../../src/domain/staff.js';
import { FEATURES_BEFORE_DECLARATIONS, helpButtonsBefore, helpTextBefore } from '../support/help-before-declarations.js';

const labels = (roles: readonly StaffRole[]) => helpQuickReplies(USER_FEATURES, roles).map((i) => i.action?.label);
const everyCombination = Array.from({ length: 1 << STAFF_ROLES.length }, (_, mask) => STAFF_ROLES.filter((_, i) => mask & (1 << i)));

function senderWith(roles: readonly StaffRole[]): Sender {
  const staff = roles.length ? ({ lineUserId: 'U1', displayName: 'สมศรี', roles, unit: null, position: null, scope: 'national' } as unknown as StaffMember) : null;
  return { userId: 'U1', userKey: 'k1', staff, roles };
}

/** Someone the entry is for: a citizen, any staff member, or each of its roles. */
function peopleFor(entry: NonNullable<Feature['menu']>[number]): StaffRole[][] {
  if (entry.for === 'everyone') return [[], ['officer']];
  if (entry.for === 'citizen' || entry.for === 'newcomer') return [[]];
  if (entry.for === 'staff') return STAFF_ROLES.map((r) => [r]);
  return entry.for.map((r) => [r]);
}

describe('help', () => {
  it('says to every combination of roles what the hand-written help said, line for line and button for button', () => {
    // Features added since are left out: this measures that no declaration was lost or changed, not what is new.
    const known = USER_FEATURES.filter((f) => FEATURES_BEFORE_DECLARATIONS.includes(f.name));
    for (const roles of everyCombination) {
      expect(helpText(known, roles), roles.join()).toBe(helpTextBefore(roles));
      expect(helpQuickReplies(known, roles).map((q) => q.action?.label), roles.join()).toEqual(helpButtonsBefore(roles));
    }
  });

  it('is Thai only for every role: no English in brackets, no server commands', () => {
    for (const roles of [[], ...STAFF_ROLES.map((r) => [r])] as const) {
      const text = helpText(USER_FEATURES, roles);
      expect(text, roles.join()).not.toMatch(/\([a-z][a-z ]*\)/i);
      expect(text, roles.join()).not.toContain('npm');
    }
  });

  it('tells an executive about exporting the official reports, and offers it as a button', () => {
    expect(helpText(USER_FEATURES, ['executive'])).toContain('"ส่งออกรายงาน"');
    expect(labels(['executive'])).toContain('ส่งออกรายงาน');
  });

  it('every button a feature declares, pressed by someone it is for, reaches that feature and is theirs to use', () => {
    for (const feature of USER_FEATURES) {
      for (const entry of feature.menu ?? []) {
        if (!entry.button) continue;
        for (const roles of peopleFor(entry)) {
          const sender = senderWith(roles);
          expect(labels(roles), `${feature.name} for ${roles.join() || 'citizen'}`).toContain(entry.button);
          const found = understand(USER_FEATURES, { kind: 'text', text: entry.button }, false, (f) => !f.allowed || f.allowed(sender));
          expect(found?.feature.name, `"${entry.button}" from ${roles.join() || 'a citizen'}`).toBe(feature.name);
          expect(!feature.allowed || feature.allowed(sender), `${feature.name} for ${roles.join() || 'citizen'}`).toBe(true);
        }
      }
    }
  });

  it('offers no one a button of a feature that would refuse them, and never more than LINE shows', () => {
    for (const roles of everyCombination) {
      const sender = senderWith(roles);
      const buttons = helpQuickReplies(USER_FEATURES, roles);
      expect(buttons.length).toBeLessThanOrEqual(13);
      for (const button of buttons) {
        const found = understand(USER_FEATURES, { kind: 'text', text: String(button.action?.label) }, false, (f) => !f.allowed || f.allowed(sender));
        expect(found && (!found.feature.allowed || found.feature.allowed(sender)), `${button.action?.label} for ${roles.join() || 'citizen'}`).toBe(true);
      }
    }
  });

  it('tells every staff member, and no citizen, where their name and position for reports are kept', () => {
    for (const role of STAFF_ROLES) expect(helpText(USER_FEATURES, [role]), role).toContain('"ข้อมูลของฉัน"');
    expect(helpText(USER_FEATURES, [])).not.toContain('ข้อมูลของฉัน');
  });
});
