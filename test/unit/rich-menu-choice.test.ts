import { describe, expect, it } from 'vitest';
import { MENU_PRIORITY, menuForRoles, RICH_MENUS } from '../../src/domain/rich-menus.js';
import { STAFF_ROLES } from '../../src/domain/roles.js';

describe('the rich menu a person gets', () => {
  it('is the citizen menu without a staff role', () => {
    expect(menuForRoles([])).toBe('citizen');
    expect(menuForRoles(['citizen'])).toBe('citizen');
    expect(menuForRoles(['no-such-role'])).toBe('citizen');
  });

  it('is the menu of the one role held', () => {
    expect(menuForRoles(['officer'])).toBe('officer');
    expect(menuForRoles(['complaint_officer'])).toBe('handler');
    expect(menuForRoles(['integrity_officer'])).toBe('handler');
    expect(menuForRoles(['executive'])).toBe('executive');
    expect(menuForRoles(['admin'])).toBe('admin');
  });

  it('follows the documented priority for several roles, whatever their order', () => {
    expect(MENU_PRIORITY).toEqual(['handler', 'officer', 'admin', 'executive']);
    expect(menuForRoles(['officer', 'complaint_officer'])).toBe('handler');
    expect(menuForRoles(['integrity_officer', 'officer'])).toBe('handler');
    expect(menuForRoles(['executive', 'officer'])).toBe('officer');
    expect(menuForRoles(['admin', 'officer'])).toBe('officer');
    expect(menuForRoles(['executive', 'integrity_officer'])).toBe('handler');
    // The admin menu carries the summary; an admin who handles cases or reports keeps that work's menu.
    expect(menuForRoles(['executive', 'admin'])).toBe('admin');
    expect(menuForRoles(['admin', 'integrity_officer'])).toBe('handler');
    expect(menuForRoles(['reviewer', 'admin'])).toBe('officer');
    expect(menuForRoles(['supervisor', 'admin'])).toBe('admin');
    expect(menuForRoles([...STAFF_ROLES].reverse())).toBe('handler');
  });

  it('has a menu for every priority and the citizen default', () => {
    expect(new Set(RICH_MENUS)).toEqual(new Set(['citizen', ...MENU_PRIORITY]));
  });
});
