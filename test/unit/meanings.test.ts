import { describe, expect, it } from 'vitest';
import { likelyIntents, readMessage, slipOf, SURE, wordsOf, type Intent } from '../../src/features/common/meanings/score.js';

/** The intent a message is taken for without asking, or null when the bot would ask or not know. */
function sureOf(message: string, usable: (i: Intent) => boolean = () => true): Intent | null {
  const reading = readMessage(message);
  const [top, next] = likelyIntents(reading, usable);
  if (!top || reading.scores[top] < SURE) return null;
  if (reading.scores.corruption >= SURE) return 'corruption';
  return next && reading.scores[next] >= reading.scores[top] ? null : top;
}

describe('the words the meaning layer reads (src/domain/normalise.ts)', () => {
  it('drops particles, reads Isan words and Thai digits, and squeezes letters typed over and over', () => {
    expect(wordsOf('ไฟทางบ่ติดมาหลายมื้อแล้วเด้อ')).toEqual(['ไฟ', 'ทาง', 'ไม่', 'ติด', 'มา', 'หลาย', 'วัน', 'แล้ว']);
    expect(wordsOf('โอเคคคคครับ')).toEqual(['โอเค']);
    expect(wordsOf('๕๕๕๕๕')).toEqual(['555']);
    expect(wordsOf('Report Corruption ครับ')).toEqual(['report', 'corruption']);
  });
});

describe('scoring a message per intent', () => {
  it.each([
    ['ถนนหน้าบ้านเป็นหลุมเป็นบ่อมาเป็นเดือนแล้วค่ะ ไม่มีใครมาซ่อมเลย', 'complaint'],
    ['แจ้งซ่อมไฟถนนครับ', 'complaint'],
    ['ไฟทางบ่ติดมาหลายมื้อแล้วเด้อ มาเบิ่งแน่', 'complaint'],
    ['น้ำประปาไม่ไหลมาสามวันแล้ว', 'complaint'],
    ['เจ้าหน้าที่กองช่างเรียกเงินใต้โต๊ะครับ', 'corruption'],
    ['ปลัดรับสินบนครับ', 'corruption'],
    ['อยากแจ้งว่ามีการโกงงบสร้างถนน', 'corruption'],
    ['report corruption ครับ', 'corruption'],
    ['ขอบคุณที่แจ้งเรื่องให้ทราบค่ะ', 'pleasantry'],
    ['โอเคครับ', 'pleasantry'],
    ['ขอบคุณมากๆ นะครับ', 'pleasantry'],
    ['สวัสดีค่ะ', 'pleasantry'],
    ['👍', 'pleasantry'],
    ['ขอดูสรุปผลการดำเนินงานหน่อย', 'summary'],
    ['ขอรายงานเป็นไฟล์ Excel', 'export'],
  ] as const)('"%s" is %s', (message, intent) => {
    expect(sureOf(message)).toBe(intent);
  });

  it.each([
    // Stories of every register, dialect and English.
    ['หมาจรจัดเต็มซอย กัดเด็กไปแล้วสองคน', 'complaint'],
    ['เพื่อนบ้านเปิดเพลงดังทั้งคืน', 'complaint'],
    ['มีงูเข้าบ้านบ่อยมาก', 'complaint'],
    ['รบกวนมาตัดกิ่งไม้หน้าบ้านหน่อยค่ะ', 'complaint'],
    ['ขอความช่วยเหลือเรื่องน้ำประปาค่ะ ไหลอ่อนมาก', 'complaint'],
    ['garbage not collected for a week', 'complaint'],
    ['ผู้รับเหมาเป็นญาตินายก ได้งานทุกโครงการ', 'corruption'],
    ['จนท. ขอค่าเดินเรื่อง 500 ถึงจะทำให้', 'corruption'],
    ['the official asked me for a bribe', 'corruption'],
    ['เจ้าหน้าที่เรียกเงินใต้โตะ', 'corruption'],
    ['ปลัดรับสินบร', 'corruption'],
    ['มีคอรับชั่นในโครงการ', 'corruption'],
    ['ร้านค้าโดนเก็บส่วยทุกเดือน', 'corruption'],
    ['the mayor takes kickbacks', 'corruption'],
    // Thanks that name what was done, greetings, small talk, laughter.
    ['ซ่อมไฟเสร็จแล้ว ขอบคุณมากครับ', 'pleasantry'],
    ['ขอบคุณที่ช่วยเหลือนะคะ', 'pleasantry'],
    ['ขอบคุณเยอะๆ ครับ', 'pleasantry'],
    ['แอดมินน่ารักจัง', 'pleasantry'],
    ['สวัสดีวันพุธค่ะ', 'pleasantry'],
    ['สบายดีไหมครับ', 'pleasantry'],
    ['ค่ะ', 'pleasantry'],
    ['ถถถถ', 'pleasantry'],
    // Own cases and help, in any wording.
    ['ขอดูรายการเรื่องร้องเรียนของฉัน', 'myCases'],
    ['เรื่องที่ฉานแจ้งไว้อยู่ไหนหนิ', 'myCases'],
    ['ประวัติเรื่องที่ส่งไป', 'myCases'],
    ['ใช้งานยังไงครับ', 'help'],
    ['เฮ็ดหยังได้แน่', 'help'],
    ['มีฟังก์ชันอะไรบ้าง', 'help'],
    ['how do I use this?', 'help'],
    ['?', 'help'],
    ['ทำอะไรได้บ้างเนี่ย', 'help'],
    ['ใช้งานบ่เป็น', 'help'],
  ] as const)('"%s" is %s', (message, intent) => {
    expect(sureOf(message)).toBe(intent);
  });

  it.each([
    // A story about one's own case, a command, a question about a topic: none is a pleasantry, a list or help.
    ['เรื่องของผมคือถนนหน้าบ้านพัง', 'complaint'],
    ['ขอบคุณครับ ช่วยมาดูไฟหน้าบ้านด้วย', 'complaint'],
    ['ได้เลยครับ รายงานผลโครงการ', null],
    ['ฝนตกหนักมากวันนี้ ระวังกันด้วยนะคะ', null],
    ['ไปรับของที่อบต', null],
  ] as const)('"%s" is %s', (message, intent) => {
    expect(sureOf(message)).toBe(intent);
  });

  it('reads one Thai typing slip as the word meant, and nothing further', () => {
    expect(slipOf('ทุจริด', 'ทุจริต')).toBe(true);
    expect(slipOf('ใต้โตะ', 'ใต้โต๊ะ')).toBe(true);
    expect(slipOf('ทุจจริต', 'ทุจริต')).toBe(true);
    expect(slipOf('รับของ', 'รับซอง')).toBe(false);
    expect(slipOf('เสีย', 'เสือ')).toBe(false);
  });

  it('finds topics as whole words: a file is not a street light', () => {
    expect(readMessage('ขอไฟล์หน่อย').topics).toBe(0);
    expect(readMessage('ไฟดับทั้งซอย').topics).toBeGreaterThan(0);
  });

  it('does not take a request to complain for the story itself', () => {
    expect(readMessage('อยากร้องเรียนเรื่องถนน').scores.complaint).toBeLessThan(SURE);
  });

  it('tells a corruption story from a bare request for the channel', () => {
    expect(readMessage('ปลัดรับสินบนครับ').tellsStory).toBe(true);
    expect(readMessage('report corruption ครับ').tellsStory).toBe(false);
    expect(readMessage('อยากแจ้งทุจริต').tellsStory).toBe(false);
  });

  it('is unsure about a topic with no problem, and knows nothing of small talk', () => {
    const bare = readMessage('ขยะหน้าบ้าน');
    expect(bare.scores.complaint).toBeGreaterThan(0);
    expect(bare.scores.complaint).toBeLessThan(SURE);
    expect(likelyIntents(readMessage('ฝนตกหนักมากวันนี้'), () => true)).toEqual([]);
  });

  it('takes a warning to everyone for small talk, but not a hazard told as a warning or a flood that goes on', () => {
    expect(likelyIntents(readMessage('พรุ่งนี้ฝนตกหนัก ระวังน้ำท่วมกันนะทุกคน'), () => true)).toEqual([]);
    expect(readMessage('ระวังด้วยนะ ฝาท่อหน้าตลาดหาย').scores.complaint).toBeGreaterThanOrEqual(SURE);
    expect(readMessage('น้ำท่วมถนนหน้าบ้านหลายวันแล้ว ระวังกันด้วย').scores.complaint).toBeGreaterThanOrEqual(SURE);
  });

  it("never reads a supervising office's roll-up as an organisation's own summary", () => {
    expect(readMessage('ภาพรวม').scores.summary).toBeGreaterThanOrEqual(SURE);
    expect(readMessage('ภาพรวมจังหวัด').scores.summary).toBe(0);
    expect(readMessage('ขอดูภาพรวมของอปท.ในอำเภอ').scores.summary).toBe(0);
  });

  it('leaves out what the writer may not use', () => {
    expect(sureOf('ขอดูสรุปผลการดำเนินงานหน่อย', (i) => i !== 'summary')).toBeNull();
  });
});
