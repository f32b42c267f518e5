import { describe, expect, it } from 'vitest';
import { isUnlinkCommand, linkCommand } from '../../src/features/executive-group/feature.js';
import { GROUP_FEATURES, USER_FEATURES } from '../../src/chat/features.js';
import { understand } from '../../src/chat/understand.js';
import { withoutButtons } from '../../src/jobs/executive-group-copy.js';
import type { Message } from '../../src/line/messages.js';

describe('the commands the bot answers in a group', () => {
  it.each([
    ['เชื่อมกลุ่ม ABCD-2345', 'ABCD-2345'],
    ['เชื่อมกลุ่มABCD2345', 'ABCD2345'],
    ['ผูกกลุ่มผู้บริหาร abcd-๒๓๔๕', 'abcd-2345'],
    ['  link   group ABCD-2345 ', 'ABCD-2345'],
    ['เชื่อมกลุ่ม', ''],
  ])('"%s" links with code "%s"', (said, code) => {
    expect(linkCommand(said)).toBe(code);
  });

  it.each(['เชื่อมกลุ่มยังไงครับ', 'ช่วยเชื่อมกลุ่มให้หน่อย', 'เลิกเชื่อมกลุ่ม', 'เชื่อมกลุ่ม ABCD-2345 ครับ', 'สรุป', ''])('"%s" is no link command', (said) => {
    expect(linkCommand(said)).toBeNull();
  });

  it('knows unlinking as a whole message only', () => {
    expect(['เลิกเชื่อมกลุ่ม', 'ยกเลิกการเชื่อมกลุ่ม', 'เลิกเชื่อมกลุ่มผู้บริหาร', 'unlink group'].map(isUnlinkCommand)).toEqual([true, true, true, true]);
    expect(['เลิกเชื่อมกลุ่มแล้วหรือยัง', 'เชื่อมกลุ่ม', 'ยกเลิก'].map(isUnlinkCommand)).toEqual([false, false, false]);
  });
});

describe('what a group hears', () => {
  const heard = (text: string) => understand(GROUP_FEATURES, { kind: 'text', text }, true);

  it('is the executives group commands, read by the same understanding as a one-to-one chat', () => {
    expect(heard('เชื่อมกลุ่ม abcd-๒๓๔๕')).toMatchObject({ feature: { name: 'linkInGroup' }, argument: 'abcd-2345' });
    expect(heard('เชื่อมกลุ่ม')).toMatchObject({ feature: { name: 'linkInGroup' }, argument: '' });
    expect(heard('เลิกเชื่อมกลุ่ม')?.feature.name).toBe('unlinkInGroup');
  });

  it('is nothing else: no other command, sentence or button', () => {
    for (const text of ['สรุป', 'ช่วยเหลือ', 'อยากร้องเรียนเรื่องถนน', 'เชื่อมกลุ่มยังไงครับ']) expect(heard(text), text).toBeNull();
    expect(understand(GROUP_FEATURES, { kind: 'postback', action: 'sum.overdue', params: {} }, true)).toBeNull();
  });

  it("keeps the group's features out of the one-to-one chat, and the chat's out of the group", () => {
    expect(USER_FEATURES.filter((f) => GROUP_FEATURES.includes(f))).toEqual([]);
    expect(GROUP_FEATURES.map((f) => f.name).sort()).toEqual(['fileImportInGroup', 'joinedGroup', 'leftGroup', 'linkInGroup', 'unlinkInGroup']);
  });
});

describe("the group's copy of a message", () => {
  it('drops postback buttons, a footer left empty, tap actions and quick replies, and keeps everything else', () => {
    const message = {
      type: 'flex',
      altText: 'สรุป',
      quickReply: { items: [{ type: 'action', action: { type: 'message', label: 'สรุป', text: 'สรุป' } }] },
      contents: {
        type: 'bubble',
        body: {
          type: 'box',
          layout: 'vertical',
          action: { type: 'postback', label: 'x', data: 'a=sum.overdue' },
          contents: [
            { type: 'text', text: 'ร้อยละ 83.33' },
            { type: 'button', action: { type: 'uri', label: 'เว็บไซต์', uri: 'https://example.org' } },
          ],
        },
        footer: { type: 'box', layout: 'vertical', contents: [{ type: 'button', action: { type: 'postback', label: 'ดูรายการที่เกินกำหนด', data: 'a=sum.overdue' } }] },
      },
    } as unknown as Message;
    expect(withoutButtons(message)).toEqual({
      type: 'flex',
      altText: 'สรุป',
      contents: {
        type: 'bubble',
        body: {
          type: 'box',
          layout: 'vertical',
          contents: [
            { type: 'text', text: 'ร้อยละ 83.33' },
            { type: 'button', action: { type: 'uri', label: 'เว็บไซต์', uri: 'https://example.org' } },
          ],
        },
      },
    });
  });
});
