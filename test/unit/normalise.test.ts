import { describe, expect, it } from 'vitest';
import { FEATURES } from '../../src/chat/features.js';
import { understand } from '../../src/chat/understand.js';
import { cancelPhrase } from '../../src/domain/cancel-phrase.js';
import { cleanFreeText } from '../../src/dialogs/free-text.js';
import { normalise, wordsOf } from '../../src/domain/normalise.js';

const compact = (text: string) => normalise(text).compact;

describe('a message normalised for matching', () => {
  it.each([
    ['ยกเลิกค่ะ', 'ยกเลิก'],
    ['ยกเลิกครับผม', 'ยกเลิก'],
    ['ยกเลิกจ้า', 'ยกเลิก'],
    ['ยกเลิกนะคะ', 'ยกเลิก'],
    ['ยกเลิกเด้อ', 'ยกเลิก'],
    ['ยกเลิกเน้อ', 'ยกเลิก'],
    ['ยกเลิกคับ', 'ยกเลิก'],
    ['ยกเลิกฮะ', 'ยกเลิก'],
    ['ยกเลิกจ้ะ', 'ยกเลิก'],
    ['ยกเลิกกกกก', 'ยกเลิก'],
    ['ยกเลิก ๆ ๆ', 'ยกเลิก'],
    ['ยกเลิก!!! 😭🙏🏻', 'ยกเลิก'],
    ['ยกเลีกครับ', 'ยกเลิก'],
    ['  CANCEL   ครับ ', 'cancel'],
    ['Stooop', 'stop'],
    ['รองเรียนครับ', 'ร้องเรียน'],
    ['อยากร้องทุกครับ', 'อยากร้องทุกข์'],
    ['ขอบคุนค่ะ (smile)', 'ขอบคุณ'],
    ['สถาณะเรื่องค่ะ', 'สถานะเรื่อง'],
    ['ขอดูความคีบหน้าหน่อย', 'ขอดูความคืบหน้าหน่อย'],
    ['เลขที่ ๑๒๓ ครับ', 'เลขที่123'],
    ['Report Corruption ครับ', 'reportcorruption'],
    ['ไฟทางบ่ติดมาหลายมื้อแล้วเด้อ', 'ไฟทางไม่ติดมาหลายวันแล้ว'],
    ['ขอบคุณมากค่ะ 👍👍', 'ขอบคุณมาก'],
    ['โอเคครับผม', 'โอเค'],
    ['ขยะไม่มีคนเก็บเลยนะคะ!!!', 'ขยะไม่มีคนเก็บเลย'],
    ['ถนนพังงงงง', 'ถนนพัง'],
    ['ท่อแตกจ้า', 'ท่อแตก'],
    ['สวัสดีค่ะ ❤️', 'สวัสดี'],
    ['ขอดูสถานะหน่อยเน้อ', 'ขอดูสถานะหน่อย'],
    ['ร้องเรียนฮะ', 'ร้องเรียน'],
  ])('%s → %s', (text, expected) => {
    expect(compact(text)).toBe(expected);
  });

  it('never shortens a number, however many repeated digits it holds', () => {
    expect(compact('G2570-0007')).toBe('g25700007');
    expect(compact('งบ 1,000,000 บาท')).toBe('งบ1000000บาท');
  });

  it('splits Thai into words, leaving a particle inside a word alone', () => {
    expect(wordsOf('ขอยกเลิกเรื่องนี้ค่ะ')).toEqual(['ขอ', 'ยกเลิก', 'เรื่อง', 'นี้', 'ค่ะ']);
    expect(normalise('ขอยกเลิกเรื่องนี้ค่ะ').words).toEqual(['ขอ', 'ยกเลิก', 'เรื่อง', 'นี้']);
    // "นะ" ends สถานะ; it is no particle there.
    expect(normalise('สถานะครับ').text).toBe('สถานะ');
    // "ผม" is dropped only as part of "ครับผม".
    expect(normalise('ประวัติการร้องเรียนของผม').compact).toBe('ประวัติการร้องเรียนของผม');
  });
});

describe('dialect, slang and the way particles end a clause', () => {
  it.each([
    ['บ่เอาแล้วเจ้า', 'ไม่เอาแล้ว'],
    ['เรื่องที่ข้อยแจ้งไว้อยู่ไสเด้อ', 'เรื่องที่ฉันแจ้งไว้อยู่ไหน'],
    ['ใช้จั่งใด๋เด้อ', 'ใช้ยังไง'],
    ['ทำพรือหนิ', 'ทำยังไง'],
    ['ใจ้งานจะใด', 'ใช้งานยังไง'],
    ['มาเบิ่งแน่', 'มาดูแน่'],
    ['ทำไรได้มั่ง', 'ทำอะไรได้บ้าง'],
    ['ถนนเป็นขุมเป็นบ่อ', 'ถนนเป็นหลุมเป็นบ่อ'],
    ['ขอบใจหลายๆ', 'ขอบคุณ'],
    ['5555555', '555'],
    ['ถถถถ', '555'],
  ])('%s → %s', (text, expected) => {
    expect(compact(text)).toBe(expected);
  });

  it('drops "เจ้า" and "หนิ" only where they end a clause', () => {
    expect(compact('ยกเลิกเลยหนิ')).toBe('ยกเลิกเลย');
    expect(compact('เจ้าหน้าที่มาช้าเจ้า')).toBe('เจ้าหน้าที่มาช้า');
    expect(compact('อยากตำหนิ')).toBe('อยากตำหนิ');
  });

  it('keeps the emoji aside, and leaves an amount of baht alone', () => {
    expect(normalise('ขอบคุณค่ะ 👍🙏').emoji).toEqual(['👍', '🙏']);
    expect(compact('เรียกเงิน 5555 บาท')).toBe('เรียกเงิน5555บาท');
  });
});

describe('cancel in its common forms', () => {
  it.each([
    'ยกเลิก', 'ยกเลิกค่ะ', 'ยกเลิกครับ', 'ยกเลิกคับ', 'ยกเลิกจ้า', 'ยกเลิกนะคะ', 'ยกเลิกกกก', 'ยกเลิกกกกค่ะ 😭', 'ยกเลีกครับ',
    'ยกเลิก ๆ', 'ขอยกเลิกค่ะ', 'ผมขอยกเลิกครับ', 'ขอยกเลิกเรื่องนี้ค่ะ', 'ยกเลิกรายการ', 'ยกเลิกการแจ้งเรื่อง', 'ยกเลิกเรื่องร้องเรียน',
    'ยกเลิกก่อนนะคะ', 'ยกเลิกดีกว่า', 'เลิกดีกว่า', 'Cancel ครับ', 'cancel', 'CANCEL!!', 'please cancel', 'I want to cancel',
    'ยกเลิกเลยหนิ', 'กดผิดค่ะ ยกเลิก', 'ยกเลิกได้ไหมคะ', 'ช่วยยกเลิกให้หน่อย', 'ยกเลิกทีค่ะ', 'ยกเลิก ยกเลิก', 'cancle',
  ])('"%s" cancels at once', (text) => {
    expect(cancelPhrase(text)).toBe('plain');
  });

  it.each([
    'ไม่เอาแล้ว', 'ไม่เอาแล้วครับผม', 'ไม่เอาละค่ะ', 'หยุดก่อน', 'หยุดก่อนนะ', 'หยุด', 'พอแล้ว', 'พอแล้วจ้า', 'พอก่อนครับ', 'ไม่แจ้งแล้ว',
    'ไม่แจ้งแล้วเด้อ', 'ไม่ร้องเรียนแล้วค่ะ', 'ไม่ต้องการแจ้งแล้ว', 'ไม่ทำต่อแล้ว', 'เปลี่ยนใจแล้วค่ะ', 'stop', 'Stop ครับ', 'never mind',
    // "ยกเลิกแล้ว" may also be an officer reporting that an activity was called off.
    'ยกเลิกแล้ว',
    'บ่เอาแล้วเด้อ', 'บ่เอาแล้วเจ้า', 'ไม่ต้องแล้วค่ะ', 'ไม่เอาแล้วครับ ขอบคุณ', 'ไม่แล้วค่ะ', 'ออก', 'เซาก่อน', 'ไว้ก่อนค่ะ', 'ช่างมันเถอะ',
    "I don't want it anymore", 'ไม่เป็นไรค่ะ', 'กดผิดค่ะ', 'ไม่ได้ตั้งใจกด',
  ])('"%s" cancels after one question', (text) => {
    expect(cancelPhrase(text)).toBe('soft');
  });

  it.each([
    'ผู้รับเหมายกเลิกงานกลางคัน', 'ยกเลิกงานกลางคัน', 'โครงการถูกยกเลิกไปแล้ว', 'ขอให้หยุดก่อสร้างตอนกลางคืน', 'หยุดทิ้งขยะริมถนนได้แล้ว',
    'เลิกจ้างคนงานโดยไม่บอก', 'พอดีถนนหน้าบ้านพัง', 'stop sign is broken', 'ขอยกเลิกการเชื่อมกลุ่มครับ',
    // Answers to yes/no questions, not cancels.
    'ไม่เอา', 'ไม่ต้องแจ้ง', 'ไม่แจ้ง', 'ไม่', 'พอ', 'ร้องเรียน', 'ขอบคุณ', 'ออกไปซื้อของ', 'ไว้', 'ไม่ก่อน', 'ไม่ดีกว่า',
  ])('"%s" is not a cancel', (text) => {
    expect(cancelPhrase(text)).toBeNull();
  });

  it('is heard at any question of a dialog, before the dialog reads the answer', () => {
    for (const text of ['ยกเลิกค่ะ', 'Cancel ครับ', 'ไม่เอาแล้ว', 'หยุดก่อน', 'พอแล้ว', 'ไม่แจ้งแล้ว']) {
      expect(understand(FEATURES, { kind: 'text', text }, true)?.feature.name).toBe('cancel');
    }
    expect(understand(FEATURES, { kind: 'text', text: 'ผู้รับเหมายกเลิกงานกลางคัน' }, true)).toBeNull();
  });

  it('is never accepted as a typed answer', () => {
    expect(cleanFreeText('ยกเลิกค่ะ')).toHaveProperty('error');
    expect(cleanFreeText('ไม่เอาแล้ว')).toHaveProperty('error');
    expect(cleanFreeText('ผู้รับเหมายกเลิกงานกลางคัน')).toBe('ผู้รับเหมายกเลิกงานกลางคัน');
  });
});
