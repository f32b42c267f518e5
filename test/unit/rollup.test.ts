import { describe, expect, it } from 'vitest';
import { helpQuickReplies, helpText } from '../../src/features/help/menu.js';
import { FEATURES, USER_FEATURES } from '../../src/chat/features.js';
import { understand } from '../../src/chat/understand.js';
import { menuForRoles } from '../../src/domain/rich-menus.js';
import {
  buildRollup,
  complaintTimeliness,
  inScope,
  parseScope,
  scopeKey,
  scopeTh,
  supervisedScope,
  type RollupOrganisation,
} from '../../src/domain/rollup.js';
import { DEFAULT_LEVEL_THRESHOLDS, type SummaryMeasure } from '../../src/domain/summary.js';
import { rollupMessage } from '../../src/flex/rollup-message.js';
import { limitViolations } from '../../src/line/limits.js';
import { arabicDigits } from '../../src/domain/thai.js';

const bkk = (local: string) => new Date(`${local}+07:00`);

describe('supervisor scopes', () => {
  it('reads the three scopes as the invite command takes them, and writes them back the same', () => {
    for (const text of ['national', 'province:อ่างทอง', 'district:อ่างทอง/โพธิ์ทอง']) expect(scopeKey(parseScope(text)!)).toBe(text);
    expect(parseScope('province:จังหวัดอ่างทอง')).toEqual({ level: 'province', province: 'อ่างทอง' });
    expect(parseScope('district: จ. อ่างทอง / อำเภอโพธิ์ทอง')).toEqual({ level: 'district', province: 'อ่างทอง', district: 'โพธิ์ทอง' });
    for (const bad of ['', 'province:', 'district:อ่างทอง', 'district:/โพธิ์ทอง', 'tambon:x', 'province:a/b', '{"$ne":1}']) expect(parseScope(bad), bad).toBeNull();
    expect(scopeTh(parseScope('district:อ่างทอง/โพธิ์ทอง')!)).toBe('อำเภอโพธิ์ทอง จังหวัดอ่างทอง');
  });

  it('matches organisations by their profile, however the province and district are written', () => {
    const province = parseScope('province:อ่างทอง')!;
    const district = parseScope('district:อ่างทอง/โพธิ์ทอง')!;
    expect(inScope(province, { province: 'จังหวัดอ่างทอง', district: '' })).toBe(true);
    expect(inScope(province, { province: 'สุพรรณบุรี', district: 'โพธิ์ทอง' })).toBe(false);
    expect(inScope(district, { province: 'อ่างทอง', district: 'อ.โพธิ์ทอง' })).toBe(true);
    expect(inScope(district, { province: 'อ่างทอง', district: 'เมืองอ่างทอง' })).toBe(false);
    expect(inScope({ level: 'national' }, { province: '', district: '' })).toBe(true);
  });

  it('belongs to supervisors only', () => {
    expect(supervisedScope({ roles: ['supervisor'], scope: 'national' })).toEqual({ level: 'national' });
    expect(supervisedScope({ roles: ['executive'], scope: 'national' })).toBeNull();
    expect(supervisedScope({ roles: ['supervisor'], scope: null })).toBeNull();
    expect(supervisedScope(null)).toBeNull();
  });
});

describe('complaints answered within 15 days', () => {
  const now = bkk('2026-11-26T12:00:00');
  const due = bkk('2026-11-20T23:59:59');
  it('counts closed in time, closed late and open past the deadline; not withdrawn or still within the days', () => {
    const counts = complaintTimeliness(
      [
        { status: 'resolved', dueAt: due, closedAt: bkk('2026-11-19T10:00:00') },
        { status: 'rejected', dueAt: due, closedAt: bkk('2026-11-21T10:00:00') },
        { status: 'in_progress', dueAt: due, closedAt: null },
        { status: 'received', dueAt: bkk('2026-12-05T23:59:59'), closedAt: null },
        { status: 'withdrawn', dueAt: due, closedAt: bkk('2026-11-25T10:00:00') },
      ],
      now,
    );
    expect(counts).toEqual({ onTime: 1, late: 2 });
  });
});

function measure(i: number, fields: Partial<SummaryMeasure>): SummaryMeasure {
  return {
    id: `m${i}`,
    code: `EP-${i}`,
    title: `โครงการ ${i}`,
    family: 'anticorruption_project',
    dimension: 1,
    responsibleUnits: ['สำนักปลัด'],
    periodStart: bkk('2025-10-01T00:00:00'),
    periodEnd: bkk('2026-09-30T23:59:59'),
    budget: 1000,
    status: 'not_started',
    disbursed: 0,
    lastReportAt: null,
    ...fields,
  };
}

describe('the roll-up', () => {
  const now = bkk('2026-11-26T12:00:00');
  const many: RollupOrganisation[] = Array.from({ length: 180 }, (_, i) => ({
    orgId: `org-${i}`,
    name: `องค์การบริหารส่วนตำบลที่มีชื่อยาวมากเป็นพิเศษสำหรับทดสอบ ${i}`,
    province: 'อ่างทอง',
    district: 'โพธิ์ทอง',
    fiscalYear: 2570,
  }));
  const measures = new Map(many.filter((_, i) => i % 3 !== 0).map((o, i) => [o.orgId, [measure(1, { status: 'completed', disbursed: 500, lastReportAt: bkk('2026-11-01T10:00:00') }), measure(2, { status: i % 2 ? 'in_progress' : 'not_started' })]]));
  const rollup = buildRollup({ level: 'province', province: 'อ่างทอง' }, many, { measures, complaints: new Map(), oit: new Map() }, now, DEFAULT_LEVEL_THRESHOLDS);

  it('adds the organisations up item by item and names those that have not reported', () => {
    expect(rollup.totals.organisations).toBe(180);
    expect(rollup.totals.reported).toBe(120);
    expect(rollup.notReported).toHaveLength(60);
    expect(rollup.totals.tally.total).toBe(240);
    expect(rollup.totals.tally.completed).toBe(120);
    expect(rollup.totals.tally.disbursed).toBe(60_000);
    // Those with nothing reported (and no plan) come first among those needing attention.
    expect(rollup.attention[0]!.reported).toBe(false);
  });

  it('fits a LINE bubble with 180 organisations, naming as many as fit', () => {
    const message = rollupMessage(rollup);
    expect(limitViolations(message)).toEqual([]);
    expect(arabicDigits(JSON.stringify(message))).toContain('และอีก 30 แห่ง');
  });
});

describe('the supervisor in the chat', () => {
  const heard = (text: string) => understand(FEATURES, { kind: 'text', text }, false)?.feature.name;
  it.each(['ภาพรวม', 'ภาพรวมจังหวัด', 'rollup', 'ขอดูภาพรวมของอปท.ในจังหวัดครับ', 'ภาพรวมทั้งอำเภอ', 'ขอภาพรวมครับ', 'สรุปภาพรวมจังหวัด'])('"%s" asks for the roll-up', (text) => {
    expect(heard(text)).toBe('rollup');
  });
  it.each([['สรุป', 'summary'], ['ขอสรุปผลการดำเนินงาน', 'summary']])('"%s" is still %s', (text, feature) => {
    expect(heard(text)).toBe(feature);
  });

  it('help lists the roll-up for supervisors only, and they get the citizen menu', () => {
    expect(helpText(USER_FEATURES, ['supervisor'])).toContain('"ภาพรวม"');
    expect(helpQuickReplies(USER_FEATURES, ['supervisor']).map((q) => q.action?.label)).toContain('ภาพรวม');
    expect(helpText(USER_FEATURES, ['executive'])).not.toContain('"ภาพรวม"');
    expect(menuForRoles(['supervisor'])).toBe('citizen');
  });
});
