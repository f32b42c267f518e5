import type { IndicatorGroup } from '../domain/ita-indicators.js';
import { STATUS_TH, type Status } from '../domain/statuses.js';

/** The words the indicator table's DOCX and XLSX share, after seed 002's "แนวทางในการยกระดับ…" table. */
export const INDICATOR_TITLE = 'รายงานผลการดำเนินการตามแนวทางในการยกระดับผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงาน';

export const INDICATOR_HEADERS = ['ตัวชี้วัด', 'คะแนน', 'แนวทางในการยกระดับการประเมิน', 'ผู้รับผิดชอบ', 'ระยะเวลา', 'ความก้าวหน้าผลการดำเนินการ'] as const;

export const INSTRUMENT_HEADING: Record<IndicatorGroup, string> = {
  IIT: 'ประเด็นการประเมิน IIT การรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน',
  EIT: 'ประเด็นการประเมิน EIT การรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก',
  OIT: 'ประเด็นการประเมิน OIT การเปิดเผยข้อมูลสาธารณะ',
  other: 'แนวทางอื่นในการยกระดับผลการประเมิน',
};

/** Seed 002's three tick boxes, in its order; an item that cannot proceed gets a fourth, ticked, as no box of the seed says so. */
const TICKED_STATUSES: readonly Status[] = ['completed', 'not_started', 'in_progress'];

/** The status as seed 002 prints it: a box per status, the item's own ticked (☑) and the others empty (☐), a line each. */
export function statusTicks(status: Status): string[] {
  const boxes = TICKED_STATUSES.map((s) => `${s === status ? '☑' : '☐'} ${STATUS_TH[s]}`);
  return status === 'cannot_proceed' ? [...boxes, `☑ ${STATUS_TH.cannot_proceed}`] : boxes;
}

/** The progress cell: what was done, then the seed's tick boxes. */
export const progressCell = (progress: string, status: Status): string => [progress.trim(), ...statusTicks(status)].filter(Boolean).join('\n');
