import { figures } from '../../domain/figures.js';
import { isExecutiveOrAdmin } from '../../domain/roles.js';
import { linkMessage } from '../../flex/link-message.js';
import { quickPostback, quickText, text } from '../../line/messages.js';
import { ACTION, postbackData } from '../../line/postback.js';
import { isReportKind, isScopeReport, REPORT_KINDS, REPORT_SHORT_TH, REPORT_TH } from '../../reports/catalogue.js';
import { CHAT_TEXT } from '../texts.js';
import type { Feature } from '../context.js';

/** The reports that print who asked for them as their reporter. */
const SIGNED: ReadonlySet<string> = new Set(['eplan-6-xlsx', 'eplan-6-csv', 'eplan-12-xlsx', 'eplan-12-csv', 'plan-narrative-docx']);

const SAY = {
  noFullName: 'รายงานนี้จะลงชื่อผู้รายงานด้วยชื่อใน LINE ของท่าน เนื่องจากยังไม่ได้กรอกชื่อ-นามสกุล พิมพ์ "ข้อมูลของฉัน" เพื่อกรอกชื่อและตำแหน่ง แล้วขอรายงานอีกครั้ง',
} as const;

/** The official reports as links: first the list to choose from, then the link for the chosen one. */
export const exportReport: Feature = {
  name: 'exportReport',
  words: ['ส่งออกรายงาน', 'export'],
  meaning: /ส่งออกรายงาน|ดาวน์?โหลดรายงาน|ขอไฟล์รายงาน|ออกรายงาน|^export/,
  postbacks: [ACTION.exportReport],
  allowed: (sender) => isExecutiveOrAdmin(sender.roles),
  refusal: CHAT_TEXT.executivesOnly,
  async handle(ctx) {
    if (!ctx.reportLink) return [text('ระบบนี้ยังไม่ได้ตั้งค่าการดาวน์โหลดรายงาน กรุณาแจ้งผู้ดูแลระบบ')];
    const kind = ctx.input.kind === 'postback' ? ctx.input.params.k : undefined;
    // The roll-up is a supervisor's (ภาพรวม), never an organisation's own report.
    if (!isReportKind(kind) || isScopeReport(kind)) {
      return [text('เลือกรายงานที่ต้องการดาวน์โหลด', [...REPORT_KINDS.filter((k) => !isScopeReport(k)).map((k) => quickPostback(REPORT_SHORT_TH[k], postbackData(ACTION.exportReport, { k }), REPORT_TH[k])), quickText('ยกเลิก')])];
    }
    // The E-PlanNACC report is signed by whoever asks for it.
    const link = ctx.reportLink(kind, ctx.now, ctx.sender.userId);
    const unsigned = SIGNED.has(kind) && !ctx.sender.staff?.fullName ? `\n${SAY.noFullName}` : '';
    return [linkMessage(`${REPORT_TH[kind]}\nปุ่มดาวน์โหลดใช้ได้ ${figures(ctx.org.digits).count(link.minutes)} นาที และเปิดได้เฉพาะผู้ที่ได้รับ โปรดอย่าส่งต่อ${unsigned}`, [{ label: 'ดาวน์โหลดรายงาน', uri: link.url }])];
  },
};
