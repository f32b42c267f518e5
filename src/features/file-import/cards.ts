import type { messagingApi } from '@line/bot-sdk';
import type { Figures } from '../../domain/figures.js';
import { IMPORT_KIND_TH, IMPORT_KINDS, type ImportKind } from '../../domain/import-kinds.js';
import { planFieldTh } from '../../domain/measures.js';
import { truncate } from '../../domain/thai.js';
import type { ImportSummary } from '../../file-import/file-imports.js';
import { KIND_COLUMNS, SAMPLE_FILE } from '../../file-import/kinds.js';
import { listText } from '../../flex/group-cards.js';
import { LINE_LIMITS } from '../../line/limits.js';
import type { Message } from '../../line/messages.js';
import { postbackData } from '../../line/postback.js';
import { problemLine, problemsHeading, warningsHeading } from '../../plan-import/import-text.js';
import type { RowProblem } from '../../plan-import/validate-plan.js';
import { FILE_IMPORT_ACTIONS } from './actions.js';
import { FILE_IMPORT_TEXT as SAY, MAX_IMPORT_BYTES } from './words.js';

const GREY = '#6B7785';
const RED = '#B3261E';
/** How much of each list the preview card shows; the rest is counted ("และอีก N รายการ"). */
const SHOWN = { codes: 30, changes: 10, warnings: 5 } as const;

export const megabytes = (bytes: number, f: Figures): string => f.digits((bytes / (1024 * 1024)).toFixed(bytes % (1024 * 1024) === 0 ? 0 : 1));

/** Each kind with the columns its file must have and may have, and its sample file. */
export function kindsText(f: Figures): string {
  return IMPORT_KINDS.map((kind, i) => {
    const { required, optional } = KIND_COLUMNS[kind];
    return `${f.count(i + 1)}. ${IMPORT_KIND_TH[kind]}\nต้องมีคอลัมน์: ${required.join(', ')}\nมีได้อีก: ${optional.join(', ')}\nไฟล์ตัวอย่าง: ${SAMPLE_FILE[kind]}`;
  }).join('\n\n');
}

/** The answer to `นำเข้าไฟล์`: how to send a file, what it may be, how large. */
export function howToText(f: Figures): string {
  return [
    'ส่งไฟล์ .csv หรือ .xlsx เข้ามาในแชตส่วนตัวนี้ได้เลย (กดปุ่ม + แล้วเลือกไฟล์ หรือส่งต่อไฟล์จากแชตอื่น)',
    `ขนาดไม่เกิน ${megabytes(MAX_IMPORT_BYTES, f)} MB อ่านเฉพาะแผ่นงานแรกของไฟล์ Excel`,
    'ระบบดูจากแถวหัวตารางว่าเป็นข้อมูลชนิดใด ตรวจทุกแถว แล้วแสดงสิ่งที่จะเพิ่ม เปลี่ยน และรายการที่ไฟล์ไม่มี ให้ตรวจก่อนกด "นำเข้า" หากมีข้อผิดพลาดแม้แถวเดียว จะไม่บันทึกอะไรเลย',
    '',
    kindsText(f),
    '',
    'ไฟล์ตัวอย่างอยู่ในโฟลเดอร์ examples ของระบบ ขอได้จากผู้ให้บริการระบบ',
  ].join('\n');
}

export function unknownKindText(fileName: string, f: Figures): string {
  return `${SAY.unknownKind(truncate(fileName, 100))}\n\n${kindsText(f)}`;
}

/** Every problem by row and column while they fit one LINE text, then how many more; nothing was saved. */
export function problemsText(fileName: string, kind: ImportKind, problems: readonly RowProblem[], f: Figures, before = ''): string {
  const heading = `${before}${before ? '\n\n' : ''}${IMPORT_KIND_TH[kind]} "${truncate(fileName, 100)}"\n${problemsHeading(problems.length, f.count)}`;
  // The closing line goes in the room listText keeps free below LINE's limit.
  return `${listText(heading, problems.map((p) => problemLine(p, f.count)), f)}\n${SAY.fixAndResend}`;
}

function section(title: string, lines: string[], colour = '#111111'): messagingApi.FlexComponent[] {
  return [
    { type: 'text', text: title, weight: 'bold', size: 'sm', wrap: true, margin: 'md', color: colour },
    ...lines.map((line): messagingApi.FlexComponent => ({ type: 'text', text: line, size: 'xs', wrap: true, color: GREY })),
  ];
}

function codesLine(codes: readonly string[], f: Figures): string[] {
  if (codes.length === 0) return [];
  const shown = codes.slice(0, SHOWN.codes).join(', ');
  return [codes.length > SHOWN.codes ? `${shown} และอีก ${f.count(codes.length - SHOWN.codes)} รายการ` : shown];
}

function more(total: number, shown: number, f: Figures): string[] {
  return total > shown ? [`และอีก ${f.count(total - shown)} รายการ`] : [];
}

const cut = (value: string) => truncate(value.replace(/\s+/g, ' ').trim(), 60) || '-';

/** What the file would change, with "นำเข้า" and "ยกเลิก": nothing is saved before "นำเข้า". */
/** A budget reads as the bot's other amounts do (30,000.00 in the organisation's digits), not as the file stored it. */
const BUDGET = planFieldTh('budget');

export function previewMessage({ fileName, summary: s, id }: { fileName: string; summary: ImportSummary; id: string }, f: Figures): Message {
  const years = s.fiscalYears.map((y) => f.fiscalYear(y)).join(', ');
  const body: messagingApi.FlexComponent[] = [
    { type: 'text', text: `${IMPORT_KIND_TH[s.kind]} ปีงบประมาณ ${years}`, size: 'sm', wrap: true, weight: 'bold' },
    ...section(`เพิ่มใหม่ ${f.count(s.created)} รายการ`, codesLine(s.added, f)),
  ];
  const changedItems = new Set(s.changes.map((c) => c.code)).size;
  const shown = (field: string, value: string) => (field === BUDGET && /^\d+(\.\d+)?$/.test(value) ? f.baht(Number(value)) : cut(value));
  const changeLines = s.changes.slice(0, SHOWN.changes).map((c) => `${c.code} ${c.field}: ${shown(c.field, c.before)} → ${shown(c.field, c.after)}`);
  const unchanged = s.updated - changedItems;
  body.push(
    ...section(`ปรับปรุง ${f.count(s.updated)} รายการ · เปลี่ยน ${f.count(changedItems)} รายการ${unchanged > 0 ? ` (อีก ${f.count(unchanged)} รายการเหมือนเดิม)` : ''}`, [
      ...changeLines,
      ...more(s.changes.length, changeLines.length, f),
    ]),
  );
  if (s.notInFile.length > 0) body.push(...section(`มีในระบบแต่ไม่มีในไฟล์ ${f.count(s.notInFile.length)} รายการ (คงไว้ ไม่ลบ)`, codesLine(s.notInFile, f)));
  const notes: string[] = [];
  if (s.results > 0) notes.push(`มีผลการดำเนินการในไฟล์ ${f.count(s.results)} รายการ จะบันทึกเป็นรายงานที่นำเข้าจากไฟล์`);
  if (s.toOitList > 0) notes.push(`แถวที่เป็นข้อ OIT ${f.count(s.toOitList)} แถว จะบันทึกแนวทางไว้ที่รายการข้อ OIT`);
  if (notes.length > 0) body.push(...section('หมายเหตุ', notes));
  if (s.warnings.length > 0) {
    const lines = s.warnings.slice(0, SHOWN.warnings).map((w) => truncate(problemLine(w, f.count), 200));
    body.push(...section(warningsHeading(s.warnings.length, true, f.count), [...lines, ...more(s.warnings.length, lines.length, f)], RED));
  }
  body.push({ type: 'text', text: SAY.previewNote, size: 'xs', wrap: true, margin: 'lg', color: GREY });
  const button = (label: string, data: string, style: 'primary' | 'secondary'): messagingApi.FlexComponent => ({
    type: 'button',
    style,
    height: 'sm',
    action: { type: 'postback', label, data, displayText: truncate(`${label} ${fileName}`, LINE_LIMITS.displayText) },
  });
  return {
    type: 'flex',
    altText: truncate(`${SAY.previewHeading}: ${fileName} เพิ่มใหม่ ${f.count(s.created)} ปรับปรุง ${f.count(s.updated)} รายการ กด "นำเข้า" เพื่อบันทึก`, 400),
    contents: {
      type: 'bubble',
      size: 'mega',
      header: {
        type: 'box',
        layout: 'vertical',
        backgroundColor: '#1F4E79',
        paddingAll: 'md',
        contents: [
          { type: 'text', text: SAY.previewHeading, weight: 'bold', size: 'md', color: '#FFFFFF', wrap: true },
          { type: 'text', text: truncate(fileName, 100), size: 'xs', color: '#E6ECF3', wrap: true },
        ],
      },
      body: { type: 'box', layout: 'vertical', spacing: 'sm', contents: body },
      footer: {
        type: 'box',
        layout: 'horizontal',
        spacing: 'sm',
        contents: [
          button(SAY.confirm, postbackData(FILE_IMPORT_ACTIONS.importConfirm, { p: id }), 'primary'),
          button(SAY.cancel, postbackData(FILE_IMPORT_ACTIONS.importCancel, { p: id }), 'secondary'),
        ],
      },
    },
  };
}

/** The answer once imported: the figures, and what stayed as it was. */
export function importedText(fileName: string, s: ImportSummary, f: Figures): string {
  const lines = [
    `${SAY.imported}: ${IMPORT_KIND_TH[s.kind]} "${truncate(fileName, 100)}"`,
    `ปีงบประมาณ ${s.fiscalYears.map((y) => f.fiscalYear(y)).join(', ')} · เพิ่มใหม่ ${f.count(s.created)} รายการ · ปรับปรุง ${f.count(s.updated)} รายการ`,
  ];
  if (s.changes.length > 0) lines.push(`เปลี่ยนแปลง ${f.count(s.changes.length)} ช่อง บันทึกประวัติการเปลี่ยนแปลงไว้แล้ว`);
  if (s.results > 0) lines.push(`บันทึกผลการดำเนินการจากไฟล์ ${f.count(s.results)} รายการ`);
  if (s.toOitList > 0) lines.push(`บันทึกแนวทางของข้อ OIT ${f.count(s.toOitList)} ข้อ`);
  if (s.notInFile.length > 0) lines.push(`รายการที่ไม่มีในไฟล์ ${f.count(s.notInFile.length)} รายการ ยังคงอยู่ในระบบ`);
  if (s.warnings.length > 0) lines.push(`มีคำเตือน ${f.count(s.warnings.length)} รายการ หากต้องการแก้ ให้แก้ในไฟล์แล้วส่งมาใหม่`);
  return lines.join('\n');
}
