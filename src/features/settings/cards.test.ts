import { describe, expect, it } from 'vitest';
import { figures } from '../../domain/figures.js';
import { NO_OWN_SETTINGS } from '../../domain/organisation.js';
import { limitViolations } from '../../line/limits.js';
import { daysOffMessage, factorsMessage, settingsCard } from './cards.js';

const longest = {
  profile: { name: 'ก'.repeat(200), district: 'ข'.repeat(100), province: 'ค'.repeat(100), fiscalYear: 2568, itaScore: 100, itaLevel: 'AA' },
  own: { ...NO_OWN_SETTINGS, thresholds: Array.from({ length: 10 }, (_, i) => ({ label: 'ระ'.repeat(10), min: 90 - i * 10 })), jobTimes: { 'monthly-summary': '10:30' }, complaintCategories: Array.from({ length: 12 }, (_, i) => `${'ป'.repeat(18)}${i}`) },
  factors: Array.from({ length: 20 }, () => 'ฟ'.repeat(500)),
  daysOff: Array.from({ length: 30 }, (_, i) => ({ date: `2027-01-${String(i + 1).padStart(2, '0')}`, name: 'ว'.repeat(200), short: `${i + 1} ม.ค. 70` })),
  jobs: Array.from({ length: 7 }, (_, i) => ({ name: `job-${i}`, th: 'งาน'.repeat(10) })),
  messageBudget: { own: null, lineQuota: 10_000_000 },
};

describe('the settings card and its lists', () => {
  it('stay within LINE’s limits with the longest values an admin can set', () => {
    const card = settingsCard({ ...longest, resolved: { thresholds: longest.own.thresholds, complaintCategories: longest.own.complaintCategories, roundReminderDaysBefore: [90, 60, 30, 14, 7, 3, 1] }, f: figures('thai') });
    expect(limitViolations(card)).toEqual([]);
    expect(limitViolations(daysOffMessage(longest.daysOff, figures()))).toEqual([]);
    expect(limitViolations(factorsMessage(2568, longest.factors, figures()))).toEqual([]);
  });

  it('says whose each value is: the organisation’s own or the system’s', () => {
    const json = JSON.stringify(settingsCard({ ...longest, own: { ...NO_OWN_SETTINGS, jobTimes: { 'job-0': '10:30' } }, resolved: { thresholds: [{ label: 'มาก', min: 70 }, { label: 'น้อย', min: 0 }], complaintCategories: ['ถนน'] }, f: figures() }));
    expect(json).toContain('"10:30 น."');
    expect(json.match(/ค่าขององค์กร/g)).toHaveLength(1);
    expect(json).toContain('ค่าของระบบ');
  });
});
