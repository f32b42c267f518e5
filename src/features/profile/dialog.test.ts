import { describe, expect, it } from 'vitest';
import { askProfile, continueProfile, startRegistrationProfile } from './dialog.js';
import type { DialogInput } from '../../dialogs/types.js';
import { figures } from '../../domain/figures.js';
import { signatureOf } from '../../domain/staff.js';

const say = (text: string): DialogInput => ({ kind: 'text', text });
const textsOf = (replies: { type: string; text?: string }[]) => replies.map((r) => r.text ?? '').join('\n');

describe('the name and position dialog', () => {
  const registering = startRegistrationProfile({ fullName: false, officialPosition: false }, [])!;

  it('asks the name, then the position, after registration, each with "ข้าม" and "ยกเลิก"', () => {
    expect(registering.state).toMatchObject({ step: 'name', data: { registering: true, next: 'position' } });
    expect(textsOf(registering.replies)).toContain('ชื่อ-นามสกุล');
    expect(JSON.stringify(registering.replies)).toContain('"ข้าม"');
    const named = continueProfile(registering.state as never, say('  นางสาวสมศรี   ใจดี  '));
    expect(named.effects).toEqual([{ type: 'saveFullName', value: 'นางสาวสมศรี   ใจดี' }]);
    expect(named.state).toMatchObject({ step: 'position', data: { next: null } });
    const positioned = continueProfile(named.state as never, say('นักวิเคราะห์นโยบายและแผนชำนาญการ'));
    expect(positioned.effects).toEqual([{ type: 'saveOfficialPosition', value: 'นักวิเคราะห์นโยบายและแผนชำนาญการ' }]);
    expect(positioned.state).toBeNull();
    expect(textsOf(positioned.replies)).toContain('"ข้อมูลของฉัน"');
  });

  it('stores nothing for a skipped step and goes on', () => {
    const skipped = continueProfile(registering.state as never, say('ข้าม'));
    expect(skipped.effects).toEqual([]);
    expect(skipped.state).toMatchObject({ step: 'position' });
  });

  it('asks only what is still missing when a second invite code is registered', () => {
    expect(startRegistrationProfile({ fullName: true, officialPosition: false }, [])!.state).toMatchObject({ step: 'position', data: { next: null } });
    expect(startRegistrationProfile({ fullName: true, officialPosition: true }, [])).toBeNull();
  });

  it('refuses, in Thai and with the organisation\'s digits, a value too long or on several lines, and asks again', () => {
    const edit = askProfile('name', { registering: false, next: null }).state as never;
    const long = continueProfile(edit, say('ก'.repeat(101)), figures('thai'));
    expect(long.state).toBeUndefined();
    expect(long.effects).toBeUndefined();
    expect(textsOf(long.replies)).toBe('ชื่อ-นามสกุลยาวเกิน ๑๐๐ ตัวอักษร กรุณาพิมพ์ให้สั้นลง');
    expect(textsOf(continueProfile(edit, say('นายก\nนามสกุล')).replies)).toContain('ในบรรทัดเดียว');
    expect(continueProfile(edit, say('ก'.repeat(100))).effects).toHaveLength(1);
    expect(textsOf(continueProfile(edit, { kind: 'media', mediaKind: 'image', messageId: '1', fileName: null }).replies)).toContain('ต้องการข้อความ');
  });
});

describe('who signs a report', () => {
  it('is the full name and typed position, else the LINE name and the invite\'s position', () => {
    expect(signatureOf({ displayName: 'นายกฯ ประเสริฐ', fullName: 'นายประเสริฐ มั่นคง', position: 'ผู้บริหาร', officialPosition: 'นายกเทศมนตรี' })).toEqual({ name: 'นายประเสริฐ มั่นคง', position: 'นายกเทศมนตรี' });
    expect(signatureOf({ displayName: 'นายกฯ ประเสริฐ', fullName: null, position: 'ผู้บริหาร', officialPosition: null })).toEqual({ name: 'นายกฯ ประเสริฐ', position: 'ผู้บริหาร' });
    expect(signatureOf({ displayName: 'นายกฯ ประเสริฐ', position: null })).toEqual({ name: 'นายกฯ ประเสริฐ', position: '' });
  });
});
