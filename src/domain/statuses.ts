/** The one table of measure statuses (domain.md, "Status"); everything else consults it. */
export const STATUSES = ['not_started', 'in_progress', 'completed', 'cannot_proceed'] as const;
export type Status = (typeof STATUSES)[number];

/** E-PlanNACC's derived state: no report in the current round. */
export const AWAITING_REPORT = 'awaiting_report' as const;
export type DisplayStatus = Status | typeof AWAITING_REPORT;

export const STATUS_TH: Record<DisplayStatus, string> = {
  not_started: 'ยังไม่ได้ดำเนินการ',
  in_progress: 'อยู่ระหว่างดำเนินการ',
  completed: 'ดำเนินการแล้วเสร็จ',
  cannot_proceed: 'ไม่สามารถดำเนินการได้',
  awaiting_report: 'รอรายงาน',
};

/** Quick-reply labels are limited to 20 characters, so long names get a short form. */
export const STATUS_SHORT_TH: Record<Status, string> = {
  not_started: 'ยังไม่ได้ดำเนินการ',
  in_progress: 'กำลังดำเนินการ',
  completed: 'แล้วเสร็จ',
  cannot_proceed: 'ดำเนินการไม่ได้',
};

/** Colours used by flex badges; greys for "not yet", green for done, red for blocked. */
export const STATUS_COLOUR: Record<DisplayStatus, string> = {
  not_started: '#8C8C8C',
  in_progress: '#E0A800',
  completed: '#1E9E4A',
  cannot_proceed: '#D93025',
  awaiting_report: '#5B6B7F',
};

export function isStatus(value: unknown): value is Status {
  return typeof value === 'string' && (STATUSES as readonly string[]).includes(value);
}

/** Reasons E-PlanNACC offers for "cannot proceed", with a quick-reply label of at most 20 characters; "other" is free text. */
export const CANNOT_PROCEED_REASONS_TH = [
  { label: 'ไม่ได้รับงบประมาณ', text: 'ไม่ได้รับงบประมาณ' },
  { label: 'เปลี่ยนนโยบาย', text: 'เปลี่ยนนโยบายผู้บริหาร' },
  { label: 'บุคลากรไม่เพียงพอ', text: 'บุคลากรไม่เพียงพอ' },
] as const;

/** Accepts a typed status in Thai (full or short) or as its code. */
export function parseStatus(text: string): Status | null {
  const t = text.trim().toLowerCase();
  for (const s of STATUSES) {
    if (t === s || t === STATUS_TH[s] || t === STATUS_SHORT_TH[s]) return s;
  }
  return null;
}
