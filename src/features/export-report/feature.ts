import { ROUND_TH, roundHasEnded, roundLastDay, roundOfFiscalYear } from '../../domain/calendar.js';
import { figures } from '../../domain/figures.js';
import { isExecutiveOrAdmin } from '../../domain/roles.js';
import { linkMessage } from '../../flex/link-message.js';
import { quickPostback, quickText, text } from '../../line/messages.js';
import { postbackData } from '../../line/postback.js';
import { isReportKind, isScopeReport, REPORT_KINDS, REPORT_SHORT_TH, REPORT_TH, reportDefinition, roundOfReport, type ReportKind } from '../../reports/catalogue.js';
import { EXPORT_WORDS } from '../common/meanings/lexicons.js';
import { CHAT_TEXT } from '../common/texts.js';
import type { Message } from '../../line/messages.js';
import type { ChatContext, Feature } from '../common/context.js';
import { EXPORT_REPORT_ACTIONS } from './actions.js';

const SAY = {
  noFullName: 'รายงานนี้จะลงชื่อผู้รายงานด้วยชื่อใน LINE ของท่าน เนื่องจากยังไม่ได้กรอกชื่อ-นามสกุล พิมพ์ "ข้อมูลของฉัน" เพื่อกรอกชื่อและตำแหน่ง แล้วขอรายงานอีกครั้ง',
} as const;

/**
 * The official reports as links: first the list to choose from, then the link for the chosen one; for a
 * round's report made before the round is over, a question first (`go`: yes or no).
 */
export const exportReport: Feature = {
  name: 'exportReport',
  tiles: [{ menu: 'executive', place: 2, label: 'ส่งออกรายงาน', sends: { text: 'ส่งออกรายงาน' }, title: 'ส่งออกรายงาน', hint: 'ไฟล์ตามแบบทางราชการ', colour: '#2F5D8A', icon: '<path d="M14 3H6a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2V9z"/><path d="M14 3v6h6"/><path d="M12 11.5v6"/><path d="M9 14.5l3 3 3-3"/>' }],
  menu: [{ for: ['executive', 'admin'], order: 41, button: 'ส่งออกรายงาน', help: '"ส่งออกรายงาน" รับไฟล์รายงานตามแบบทางราชการ (ITA, ตัวชี้วัด, ข้อมูล OIT, E-PlanNACC, สถิติเรื่องร้องเรียน)' }],
  words: ['ส่งออกรายงาน', 'export'],
  cues: {
    weights: {
      ...Object.fromEntries(EXPORT_WORDS.map((w) => [w, 2])),
      // An executive makes no progress report (one who also reports progress means that): a report they ask for is a document (meaning by role)...
      รายงาน: 1.5, report: 1.5, ขอ: 0.5, แบบรายงาน: 2, แบบฟอร์ม: 2, ไฟล: 2, เอกเซล: 2, เอ็กซ์เซล: 2, ฉบับเต็ม: 1, ปริ้น: 2, ปริ้นท์: 2, print: 2,
      อยากได้: 1, เอา: 1, ประจำปี: 1, รอบ: 1, ประชุม: 1, สภา: 1, เสนอ: 1, ปปช: 1, ปปท: 1, สตง: 1, ป้องกัน: 1,
      // ...except reporting wrongdoing itself ("ขอรายงานการทุจริต"), which the plan's name "ป้องกันการทุจริต" outweighs.
      ทุจริต: -1, corruption: -1, คอร์รัปชัน: -1,
      // How far the plan has got is the summary, unless a file is asked for.
      คืบหน้า: -1, ก้าวหน้า: -1, progress: -1,
    },
    // A document or file of wrongdoing is evidence for a report of it, not one of the official reports.
    // Sending a file in is the import's (features/file-import), however it names the file.
    not: ['หลักฐาน', 'สินบน', 'โกง', 'เบาะแส', 'ใต้โต๊ะ', 'ฮั้ว', 'อัปโหลด', 'อัพโหลด', 'upload', 'นำเข้า'],
  },
  actions: EXPORT_REPORT_ACTIONS,
  allowed: (sender) => isExecutiveOrAdmin(sender.roles),
  refusal: CHAT_TEXT.executivesOnly,
  async handle(ctx) {
    if (!ctx.reportLink) return [text('ระบบนี้ยังไม่ได้ตั้งค่าการดาวน์โหลดรายงาน กรุณาแจ้งผู้ดูแลระบบ')];
    const kind = ctx.input.kind === 'postback' ? ctx.input.params.k : undefined;
    // The roll-up is a supervisor's (ภาพรวม), never an organisation's own report.
    if (!isReportKind(kind) || isScopeReport(kind)) {
      return [text('เลือกรายงานที่ต้องการดาวน์โหลด', [...REPORT_KINDS.filter((k) => !isScopeReport(k)).map((k) => quickPostback(REPORT_SHORT_TH[k], postbackData(EXPORT_REPORT_ACTIONS.exportReport, { k }), REPORT_TH[k])), quickText('ยกเลิก')])];
    }
    const answer = ctx.input.kind === 'postback' ? ctx.input.params.go : undefined;
    // Cancelling makes nothing and drops nothing: a dialog under way is brought back by the router.
    if (answer === 'no') return [text('ยกเลิกแล้ว ยังไม่ได้ออกรายงาน หากต้องการภายหลัง พิมพ์ "ส่งออกรายงาน" ได้ทุกเมื่อ')];
    if (answer !== 'yes') {
      const early = await roundNotOver(ctx, kind);
      if (early) return [early];
    }
    // The E-PlanNACC report is signed by whoever asks for it.
    const link = ctx.reportLink(kind, ctx.now, ctx.sender.userId);
    const unsigned = reportDefinition(kind).signed && !ctx.sender.staff?.fullName ? `\n${SAY.noFullName}` : '';
    return [linkMessage(`${REPORT_TH[kind]}\nปุ่มดาวน์โหลดใช้ได้ ${figures(ctx.org.digits).count(link.minutes)} นาที และเปิดได้เฉพาะผู้ที่ได้รับ โปรดอย่าส่งต่อ${unsigned}`, [{ label: 'ดาวน์โหลดรายงาน', uri: link.url }])];
  },
};

/**
 * Before a round's "data as of" day is over its report is not final: the person is told so and asked
 * whether to make it anyway (the file says so too). Null when the round has ended or the report has none.
 */
async function roundNotOver(ctx: ChatContext, kind: ReportKind): Promise<Message | null> {
  const name = roundOfReport(kind);
  if (!name) return null;
  const fiscalYear = await ctx.org.activeFiscalYear();
  const round = roundOfFiscalYear(fiscalYear, name);
  if (roundHasEnded(round, ctx.now)) return null;
  const f = figures(ctx.org.digits);
  return text(
    `${ROUND_TH[name]} ของปีงบประมาณ ${f.fiscalYear(fiscalYear)} ยังไม่สิ้นสุด (สิ้นสุดวันที่ ${f.date(roundLastDay(round))}) ` +
      `รายงานที่ออกตอนนี้จะเป็นข้อมูล ณ วันนี้ และจะระบุไว้ในรายงานว่ายังไม่สิ้นสุดรอบ ต้องการออกรายงานเลยหรือไม่`,
    [
      quickPostback('ออกรายงานเลย', postbackData(EXPORT_REPORT_ACTIONS.exportReport, { k: kind, go: 'yes' })),
      quickPostback('ยกเลิก', postbackData(EXPORT_REPORT_ACTIONS.exportReport, { k: kind, go: 'no' })),
    ],
  );
}
