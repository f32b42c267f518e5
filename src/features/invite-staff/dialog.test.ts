import { describe, expect, it } from 'vitest';
import { limitViolations } from '../../line/limits.js';
import { inviteMade, shareUri } from './cards.js';
import { askRoles, continueInvite, readTypedScope, type InviteDraft } from './dialog.js';

const draft = (over: Partial<InviteDraft> = {}): InviteDraft => ({ roles: [], unit: null, position: null, scope: null, units: [], ...over });
const press = (action: string, params: Record<string, string> = {}) => ({ kind: 'postback' as const, action, params });
const say = (text: string) => ({ kind: 'text' as const, text });

describe('the invitation dialog', () => {
  it('toggles roles on and off, and will not go on without one', () => {
    let s = askRoles(draft()).state as any;
    s = continueInvite(s, press('iv.r', { r: 'executive' })).state;
    s = continueInvite(s, press('iv.r', { r: 'officer' })).state;
    expect(s.data.roles).toEqual(['officer', 'executive']);
    s = continueInvite(s, press('iv.r', { r: 'officer' })).state;
    expect(s.data.roles).toEqual(['executive']);
    const none = continueInvite({ ...s, data: { ...s.data, roles: [] } }, press('iv.n'));
    expect(none.state).toMatchObject({ step: 'roles' });
    expect(JSON.stringify(none.replies)).toContain('อย่างน้อยหนึ่งบทบาท');
  });

  it('asks a scope only of a supervisor, and confirms only from the summary', () => {
    const atPosition = { dialog: 'staff_invite', step: 'position' as const, data: draft({ roles: ['officer'] }) };
    expect(continueInvite(atPosition, say('ข้าม')).state).toMatchObject({ step: 'confirm' });
    expect(continueInvite({ ...atPosition, data: draft({ roles: ['supervisor'] }) }, say('ข้าม')).state).toMatchObject({ step: 'scope' });
    // An old "next" pressed at the summary changes nothing; the confirmation makes the invite.
    const atConfirm = { dialog: 'staff_invite', step: 'confirm' as const, data: draft({ roles: ['officer'] }) };
    expect(continueInvite(atConfirm, press('iv.n')).effects).toBeUndefined();
    expect(continueInvite(atConfirm, press('iv.ok')).effects).toEqual([{ type: 'invite', draft: atConfirm.data }]);
  });

  it('keeps every quick-reply label within LINE’s 20 characters, even with long unit names', () => {
    const units = Array.from({ length: 15 }, (_, i) => `กองส่งเสริมการเกษตรและสิ่งแวดล้อมที่ ${i}`);
    const s = { dialog: 'staff_invite', step: 'roles' as const, data: draft({ roles: ['officer', 'reviewer'], units }) };
    for (const reply of [...askRoles(s.data).replies, ...continueInvite(s, press('iv.n')).replies]) expect(limitViolations(reply)).toEqual([]);
  });
});

describe('a supervisor’s scope as typed', () => {
  it.each([
    ['จังหวัดอ่างทอง', 'province:อ่างทอง'],
    ['จ. อ่างทอง', 'province:อ่างทอง'],
    ['จังหวัดอ่างทอง/อำเภอโพธิ์ทอง', 'district:อ่างทอง/โพธิ์ทอง'],
    ['จังหวัดอ่างทอง อำเภอโพธิ์ทอง', 'district:อ่างทอง/โพธิ์ทอง'],
    ['อำเภอโพธิ์ทอง จังหวัดอ่างทอง', 'district:อ่างทอง/โพธิ์ทอง'],
    ['ทั่วประเทศ', 'national'],
  ])('%s → %s', (typed, key) => expect(readTypedScope(typed)).toBe(key));

  it.each(['อ่างทอง', 'ที่ไหนก็ได้', 'จังหวัด', 'province:อ่างทอง/x/y'])('refuses %s', (typed) => expect(readTypedScope(typed)).toBeNull());
});

describe('the share button', () => {
  const facts = { inviter: 'นางสาวสมศรี ใจดี', organisation: 'อบต.โพธิ์ทอง', roles: 'ผู้บริหาร', code: 'ABCD-2345', until: '8 ธ.ค. 2569 10:00 น.' };

  it('opens LINE’s share sheet with the whole registration message when it fits', () => {
    const text = new URL(shareUri(facts)).searchParams.get('text')!;
    expect(text).toContain('นางสาวสมศรี ใจดี เชิญท่านเป็นผู้บริหาร ของอบต.โพธิ์ทอง\nส่งในแชต LINE ของหน่วยงาน:');
    expect(text).toContain('ลงทะเบียน ABCD-2345');
    expect(text).toContain('ใช้ได้ถึง 8 ธ.ค. 2569 10:00 น.');
  });

  it('drops the least needed parts for long names, never the code, and stays within LINE’s 1,000 characters', () => {
    const long = { ...facts, inviter: 'ว่าที่ร้อยตรีสมศักดิ์ศรี ประเสริฐวงศ์วัฒนากุล', organisation: 'องค์การบริหารส่วนตำบลหนองบัวทองพัฒนาเจริญสุข', roles: 'เจ้าหน้าที่ผู้รับผิดชอบ, เจ้าหน้าที่รับเรื่องร้องเรียน, นิติกร / ผู้รับผิดชอบเรื่องทุจริต, ผู้บริหาร' };
    const uri = shareUri(long);
    expect(uri.length).toBeLessThanOrEqual(1_000);
    expect(new URL(uri).searchParams.get('text')).toContain('ลงทะเบียน ABCD-2345');
    // A usual organisation's full name still keeps who invites and until when.
    const usual = new URL(shareUri({ ...facts, organisation: 'องค์การบริหารส่วนตำบลโพธิ์ทอง' })).searchParams.get('text')!;
    expect(usual).toContain('นางสาวสมศรี ใจดี เชิญท่าน');
    expect(usual).toContain('ใช้ได้ถึง 8 ธ.ค. 2569 10:00 น.');
    for (const message of inviteMade(long)) expect(limitViolations(message)).toEqual([]);
  });
});
