import { figures, type Figures } from '../domain/figures.js';
import { dayKey } from '../domain/calendar.js';
import { ownsOitItem, URL_PROBLEM_TH, type OitItem, type UrlCheck } from '../domain/oit.js';
import { truncate } from '../domain/thai.js';
import { latestOitYear, oitItemsOfYear, recordUrlCheck } from '../db/oit-store.js';
import { staffWithRole } from '../db/staff-store.js';
import { oitOwnerCard } from '../flex/oit-cards.js';
import { text } from '../line/messages.js';
import type { Outgoing } from '../outbox/enqueue.js';
import { checkUrl } from './check-url.js';
import type { JobDefinition } from './job.js';

export const DEFAULT_URL_CHECK_TIMEOUT_MS = 10_000;
/** A few addresses at a time: most sit on the organisation's own small web server. */
const PARALLEL = 4;

/**
 * Every morning, opens each published OIT address of the year being worked on, records the result on the item,
 * and tells the item's owners when an address breaks. The notice's key names the item and the moment the
 * breakage began, so it goes once per breakage however many runs find the address still broken (and a
 * resumed run does not repeat it); once the address works again, the next breakage is news again.
 */
export const oitUrlCheck: JobDefinition<'oit-url-check'> = {
  name: 'oit-url-check',
  cron: '0 6 * * *',
  cronVariable: 'OIT_URL_CHECK_CRON',
  thai: { name: 'ตรวจลิงก์ข้อมูลเปิดเผยต่อสาธารณะ (OIT)', schedule: 'ตามกำหนดปกติ: 06:00 ทุกวัน เปิดลิงก์ที่ตอบไว้ทุกข้อ และแจ้งผู้รับผิดชอบเมื่อเปิดไม่ได้' },
  period: (asOf) => dayKey(asOf),
  isDue: () => true,
  async produce(run, { orgId, urlCheckTimeoutMs, digits }) {
    const fiscalYear = await latestOitYear(orgId);
    if (fiscalYear === null) return { outgoing: [], recipients: 0 };
    const published = (await oitItemsOfYear(orgId, fiscalYear)).filter((i) => i.answer?.available && i.answer.url);
    const officers = await staffWithRole(orgId, 'officer');
    const outgoing: Outgoing[] = [];
    const timeout = urlCheckTimeoutMs ?? DEFAULT_URL_CHECK_TIMEOUT_MS;

    let next = 0;
    const worker = async () => {
      while (next < published.length) {
        const item = published[next++]!;
        const check = await checkUrl(item.answer!.url!, timeout, () => run.asOf);
        const brokenSince = check.ok ? null : (item.brokenSince ?? run.asOf);
        await recordUrlCheck(item.id, check, brokenSince);
        if (!brokenSince) continue;
        const to = [...new Set([item.answer!.answeredBy, ...officers.filter((o) => ownsOitItem(item, o)).map((o) => o.lineUserId)])];
        outgoing.push({ key: `oit-url:${item.id}:${brokenSince.toISOString()}`, to, messages: brokenNotice(item, check, figures(digits)) });
      }
    };
    await Promise.all(Array.from({ length: PARALLEL }, worker));
    outgoing.sort((a, b) => a.key.localeCompare(b.key));
    return { outgoing, recipients: outgoing.reduce((n, o) => n + o.to.length, 0) };
  },
};

function brokenNotice(item: OitItem, check: UrlCheck, f: Figures) {
  const why = check.problem ? URL_PROBLEM_TH[check.problem] : 'เปิดไม่ได้';
  const status = check.httpStatus !== null && check.problem === 'http_error' ? ` รหัส ${check.httpStatus}` : '';
  return [
    text(`ลิงก์ข้อมูลเปิดเผยต่อสาธารณะข้อ ${item.code} ใช้งานไม่ได้: ${why}${status}\n${truncate(check.url, 1_000)}\n\nกรุณาแก้ไขหน้าเว็บไซต์ หรือแก้ลิงก์ในคำตอบ ผู้ประเมินจะเปิดลิงก์นี้จากระบบ ITAS`),
    { type: 'flex' as const, altText: `${item.code} ลิงก์ใช้งานไม่ได้`, contents: oitOwnerCard({ ...item, urlCheck: check, brokenSince: item.brokenSince ?? check.checkedAt }, f) },
  ];
}
