import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { codeKey, findByCode, looksLikeCode, sameCode, searchTitles, titleQuery } from '../../src/domain/item-match.js';

/** The real titles: every item of the sample plan built from the seed reports. */
const plan = parse(readFileSync('examples/plan-2568.csv'), { bom: true, columns: true }) as Record<string, string>[];
const items = plan.map((row) => ({ code: row['รหัส']!, title: row['มาตรการ/โครงการ']! }));

const search = (typed: string) => {
  const { matches, best } = searchTitles(items, typed);
  return { best: best?.code ?? null, offered: matches.map((m) => m.item.code) };
};

describe('an item named by its code, however a phone keyboard typed it', () => {
  it.each([
    ['EP-10', 'EP-10'],
    ['ep10', 'EP-10'],
    ['EP-๑๐', 'EP-10'],
    ['EP 10', 'EP-10'],
    ['ep-1', 'EP-01'],
    ['Ep ๐๑', 'EP-01'],
    ['oit-o10', 'OIT-O10'],
    ['OITO10', 'OIT-O10'],
    ['ita-000-1', 'ITA-000-1'],
    ['ITA 002 6', 'ITA-002-6'],
    ['iit2', 'IIT-2'],
    ['IIT-002-2', 'IIT-002-2'],
  ])('%s → %s', (typed, code) => {
    expect(findByCode(items, typed)?.code).toBe(code);
  });

  it('keeps apart codes that differ only in a separated number, and finds nothing for an unknown one', () => {
    expect(sameCode('ITA-000-1', 'ITA-01')).toBe(false);
    expect(sameCode('IIT-2', 'IIT-002-2')).toBe(false);
    expect(codeKey('EP-01')).toBe(codeKey('ep 1'));
    expect(findByCode(items, 'EP-99')).toBeNull();
    expect(findByCode(items, '')).toBeNull();
  });

  it('tells a code from words: Latin letters and digits only, with a digit', () => {
    for (const code of ['EP-10', 'ep10', 'EP ๑๐', 'ITA-002-6', '2.1']) expect(looksLikeCode(code), code).toBe(true);
    for (const words of ['โครงการจัดเวทีประชาคม', 'no gift', 'ผลการประชุม 2 ครั้ง', 'EP-10 เสร็จแล้ว', '']) expect(looksLikeCode(words), words).toBe(false);
  });
});

describe('an item named by words of its title (Thai has no spaces between words)', () => {
  it('opens the one title that holds the words, whatever surrounds them in the request', () => {
    expect(search('โครงการจัดเวทีประชาคม')).toEqual({ best: 'EP-11', offered: ['EP-11'] });
    expect(search('เรื่องจัดเวทีประชาคมครับ').best).toBe('EP-11');
    expect(search('เวที ประชาคม').best).toBe('EP-11');
    expect(search('ผลประโยชน์ทับซ้อน').best).toBe('EP-02');
    expect(search('ความเสี่ยงการทุจริต').best).toBe('EP-13');
    expect(search('โรงเรียนคุณธรรม').best).toBe('EP-01');
    expect(search('NO GIFT').best).toBe('EP-03');
    expect(search('ควบคุมภายใน').best).toBe('EP-12');
  });

  it('opens a title typed with a word or two more than it has, when no other title comes close', () => {
    expect(search('โครงการจัดเวทีประชาคมเดือนนี้').best).toBe('EP-11');
    expect(search('จัดเวทีประชาคมหมู่บ้าน').best).toBe('EP-11');
  });

  it('takes the title equal to the words over longer titles that contain them', () => {
    expect(search('แผนปฏิบัติการป้องกันการทุจริต').best).toBe('OIT-O32');
    expect(search('e-service').best).toBe('OIT-O13');
    expect(search('การเปิดเผยข้อมูล').best).toBe('OIT-002-9');
  });

  it('offers the choice when several titles fit as well, at most five', () => {
    expect(search('การใช้งบประมาณ')).toMatchObject({ best: null, offered: expect.arrayContaining(['IIT-2', 'IIT-002-2']) });
    expect(search('จัดซื้อจัดจ้าง')).toEqual({ best: null, offered: ['EP-07', 'ITA-002-5'] });
    expect(search('เผยแพร่ข้อมูล')).toEqual({ best: null, offered: ['EP-09', 'ITA-03'] });
    const fits = search('การใช้ทรัพย์สินของราชการ');
    expect(fits.best).toBeNull();
    expect(fits.offered.slice(0, 2).sort()).toEqual(['ITA-000-3', 'ITA-04']);
    expect(fits.offered.length).toBeLessThanOrEqual(5);
    expect(search('การทุจริต').offered).toHaveLength(5);
    expect(search('ร้องเรียน').best).toBeNull();
  });

  it('offers a title with part of the words, and nothing for words no title has', () => {
    expect(search('ประชุมประชาคม')).toEqual({ best: null, offered: ['EP-11'] });
    expect(search('ถนนหน้าบ้านเป็นหลุม')).toEqual({ best: null, offered: [] });
    expect(search('ครับ')).toEqual({ best: null, offered: [] });
  });

  it('takes off the words around a title in a request', () => {
    expect(titleQuery('ความก้าวหน้าโครงการจัดเวทีประชาคมหน่อยครับ')).toBe('โครงการจัดเวทีประชาคม');
    expect(titleQuery('เรื่อง การจัดซื้อจัดจ้าง ค่ะ')).toBe('การจัดซื้อจัดจ้าง');
    expect(titleQuery('ผลโครงการโรงเรียนคุณธรรม')).toBe('โครงการโรงเรียนคุณธรรม');
    expect(titleQuery('E-Service (๒๕๖๘)')).toBe('eservice2568');
  });
});
