import { Types } from 'mongoose';
import { ComplaintModel } from '../../src/db/models/complaint.js';
import { dueAt, KIND_LETTER, type Complaint, type ComplaintKind } from '../../src/domain/complaints.js';
import { fiscalYearOf } from '../../src/domain/fiscal-year.js';
import { toGregorianYear } from '../../src/domain/thai.js';

/** A moment in Bangkok: month 1–12, hour 0–23. */
export const bangkok = (year: number, month: number, day: number, hour = 10) => new Date(Date.UTC(year, month - 1, day, hour - 7));
const DAY = 86_400_000;

type CaseFields = Partial<Omit<Complaint, 'id' | 'orgId' | 'trackingNo' | 'fiscalYear' | 'kind' | 'submittedAt'>> & { kind: ComplaintKind; submittedAt: Date };

/** Stores a case as the LINE steps leave it, straight in the database; secrets are placeholders. */
export async function insertCase(orgId: string, seq: number, fields: CaseFields): Promise<void> {
  const fiscalYear = fiscalYearOf(fields.submittedAt);
  await ComplaintModel.create({
    description: `เรื่องที่ ${seq}`,
    reporterKey: `key-${seq}`,
    reporterSealed: `sealed-${seq}`,
    dueAt: dueAt(fields.submittedAt),
    ...fields,
    orgId,
    fiscalYear,
    seq,
    trackingNo: `${KIND_LETTER[fields.kind]}${fiscalYear}-${String(seq).padStart(4, '0')}`,
    sourceEventId: `scenario-${orgId}-${new Types.ObjectId().toHexString()}`,
  });
}

/** Words of the corruption report's story and accused: no statistic may show them. */
export const SECRET_STORY = 'ปลัดรับเงินใต้โต๊ะโครงการถนนหมู่เจ็ด';
export const SECRET_ACCUSED = 'นายสมมติ ทุจริตดี';

/**
 * Eight cases filed in October and November of a fiscal year (whose two months must be over): resolved
 * in time and late (the late one reopened once), forwarded, withdrawn, rejected, a corruption report still
 * open past its deadline, a corruption report resolved, and a reopened general case open again with a
 * new clock. Three ratings: 5, 2, 1.
 *
 *   answered (resolved/rejected/forwarded): 4, 22, 2, 6, 8 days → median 6; within 15 days 4 of 5 = 80 %
 */
export async function seedStatsScenario(orgId: string, fiscalYear: number): Promise<void> {
  const y = toGregorianYear(fiscalYear) - 1; // October and November fall in this calendar year
  const at = (month: number, day: number) => bangkok(y, month, day);
  const later = (from: Date, days: number) => new Date(from.getTime() + days * DAY);
  const rated = (stars: number, fixed: boolean, when: Date) => ({ stars, comment: stars < 3 ? 'ยังไม่ได้แก้ไขเลย' : null, fixed, at: when });
  // October
  await insertCase(orgId, 1, { kind: 'general', category: 'ถนน', submittedAt: at(10, 2), status: 'resolved', closedAt: later(at(10, 2), 4), feedback: rated(5, true, later(at(10, 2), 5)) });
  await insertCase(orgId, 2, {
    kind: 'general',
    category: 'ถนน',
    submittedAt: at(10, 3),
    status: 'resolved',
    closedAt: later(at(10, 3), 22),
    reopenCount: 1,
    reopenedAt: later(at(10, 3), 6),
    dueAt: dueAt(later(at(10, 3), 6)),
    feedback: rated(2, true, later(at(10, 3), 23)),
  });
  await insertCase(orgId, 3, { kind: 'general', category: 'ไฟฟ้า', submittedAt: at(10, 5), status: 'forwarded', closedAt: later(at(10, 5), 2), forwardedTo: { agency: 'การไฟฟ้าส่วนภูมิภาค', note: 'เสาไฟเป็นของการไฟฟ้า' } });
  await insertCase(orgId, 4, { kind: 'general', submittedAt: at(10, 8), status: 'withdrawn', closedAt: later(at(10, 8), 1) });
  await insertCase(orgId, 5, { kind: 'corruption', category: 'จัดซื้อจัดจ้าง', submittedAt: at(10, 10), status: 'in_progress', description: SECRET_STORY, accused: SECRET_ACCUSED });
  // November
  await insertCase(orgId, 6, {
    kind: 'general',
    category: 'ไฟฟ้า',
    submittedAt: at(11, 2),
    status: 'in_progress',
    reopenCount: 1,
    reopenedAt: at(11, 6),
    dueAt: dueAt(at(11, 6)),
    feedback: rated(1, false, at(11, 6)),
  });
  await insertCase(orgId, 7, { kind: 'general', category: 'ถนน', submittedAt: at(11, 3), status: 'rejected', closedAt: later(at(11, 3), 6) });
  await insertCase(orgId, 8, { kind: 'corruption', submittedAt: at(11, 4), status: 'resolved', closedAt: later(at(11, 4), 8), description: SECRET_STORY, accused: SECRET_ACCUSED });
}
