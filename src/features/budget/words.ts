import { WIDER_SCOPE_WORDS } from '../common/meanings/lexicons.js';
import type { Cues } from '../common/cues.js';

/** The whole messages that ask for the budget, Thai first, as the quick reply and help name it. */
export const BUDGET_LABEL = 'ดูงบประมาณ';
export const BUDGET_WORDS = [BUDGET_LABEL, 'งบประมาณ', 'budget'] as const;

/**
 * Sentences asking how much of the plan's money has been spent: "ขอดูการเบิกจ่ายงบประมาณหน่อย",
 * "งบโครงการเบิกไปเท่าไหร่แล้ว". How far the plan has got as a percentage ("เบิกจ่ายไปกี่เปอร์เซ็นต์แล้ว")
 * stays the summary's, whose card carries that one figure too; it outweighs a lone "เบิกจ่าย" here.
 */
export const BUDGET_CUES: Cues = {
  weights: {
    // Naming words outweigh the summary's hints that add up around them ("ยอด", "ตอนนี้", "เท่าไหร่").
    งบประมาณ: 3, budget: 3, การเบิกจ่าย: 3, ยอดเบิก: 3.5, ยอดเบิกจ่าย: 4, งบคงเหลือ: 3, งบเหลือ: 3, disbursement: 3, spending: 2,
    เบิกจ่าย: 2.5, ใช้งบ: 2, งบโครงการ: 2, เบิกไป: 2, จ่ายไป: 1.5, ใช้เงิน: 1.5, ค่าใช้จ่าย: 1.5,
    // Slips, and a loan spelling.
    งบประมาน: 3, งบปะมาณ: 3, เบิกจ๋าย: 2.5, บัดเจ็ต: 3,
    // Hints that count together: a bare "งบ" or "เบิก", and how much.
    งบ: 1.5, เบิก: 1, เงิน: 0.5, เท่าไหร่: 1, เท่าไร: 1, เหลือ: 0.5, ดู: 0.5,
  },
  not: [
    // Money going missing is a corruption report, whoever writes it.
    'โกง', 'ทุจริต', 'ยักยอก', 'เบาะแส', 'สินบน', 'ใต้โต๊ะ', 'หายไปไหน', 'ไม่โปร่งใส',
    // A file is the export's, an officer's report on an item the report's, other organisations' the roll-up's.
    'รายงาน', 'report', 'ไฟล์', 'excel', 'ดาวน์โหลด', 'ส่งออก', 'เอกสาร',
    ...WIDER_SCOPE_WORDS,
  ],
};

export const BUDGET_TEXT = {
  refusal: 'คำสั่งนี้สำหรับผู้บริหาร ผู้ดูแลระบบ และเจ้าหน้าที่ผู้รับผิดชอบมาตรการเท่านั้น',
  heading: 'งบประมาณและการเบิกจ่าย',
  ownHeading: 'งบประมาณของรายการที่ท่านรับผิดชอบ',
  nothingBudgeted: (fiscalYear: string) => `แผนปีงบประมาณ ${fiscalYear} ยังไม่มีรายการที่ตั้งงบประมาณไว้`,
  nothingBudgetedOwn: (fiscalYear: string) => `รายการที่ท่านรับผิดชอบในแผนปีงบประมาณ ${fiscalYear} ยังไม่มีรายการที่ตั้งงบประมาณไว้`,
  byUnit: 'แยกตามส่วนราชการ',
  byFamily: 'แยกตามประเภท',
  budget: 'งบประมาณ',
  disbursed: 'เบิกจ่ายแล้ว',
  unreported: 'ยังไม่รายงานการเบิกจ่าย',
  overBudget: 'เบิกจ่ายเกินงบประมาณ',
  list: 'ดูรายการ',
  unreportedButton: 'รายการที่ยังไม่รายงาน',
  /** Why unit figures add up to more than the whole: a shared project counts in each of its units. */
  sharedNote: 'โครงการที่หลายส่วนราชการรับผิดชอบร่วมกันนับในทุกส่วนราชการนั้น',
  ownNote: 'นับเฉพาะรายการของส่วนราชการของท่าน รายการของทุกส่วนราชการ และรายการที่ระบุตำแหน่งของท่าน',
  noUnreported: 'ทุกโครงการที่ตั้งงบประมาณไว้รายงานการเบิกจ่ายแล้ว',
  gone: 'ไม่พบรายการของกลุ่มนี้แล้ว ข้อมูลอาจเปลี่ยนไป กรุณาพิมพ์ "ดูงบประมาณ" อีกครั้ง',
  /** Shown under an officer's list of items still to report: each quick reply goes to that item's report. */
  reportHint: 'กดปุ่มด้านล่างเพื่อรายงานความก้าวหน้าพร้อมยอดเบิกจ่ายของรายการนั้น',
} as const;

/**
 * The help line and quick-reply label, exported for the help generated from declarations: executives and
 * admins see the whole organisation, an officer only the items they answer for.
 */
export const BUDGET_HELP = '"ดูงบประมาณ" งบประมาณและยอดเบิกจ่ายของแผนปีนี้ แยกตามประเภทและส่วนราชการ พร้อมโครงการที่ยังไม่รายงานการเบิกจ่าย';
export const BUDGET_HELP_OFFICER = '"ดูงบประมาณ" งบประมาณและยอดเบิกจ่ายของรายการที่ท่านรับผิดชอบ พร้อมโครงการที่ยังไม่รายงานการเบิกจ่าย';
