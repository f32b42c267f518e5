import { ruleOf, type ComplaintMove } from '../../domain/complaint-states.js';
import { COMPLAINT_STATUS_TH, type Complaint } from '../../domain/complaints.js';

/**
 * What a person is told when the move they asked for was not made because the case changed after they saw
 * it (another handler, the citizen, the 15-day job): what it is now, that nothing was recorded or sent, and
 * where to look again.
 */
export function staleMoveText(move: ComplaintMove, current: Complaint): string {
  const rule = ruleOf(move);
  const no = current.trackingNo;
  const again = rule.by === 'handler' ? 'กรุณาเปิดเรื่องจากรายการ "เรื่องร้องเรียน" อีกครั้ง' : `พิมพ์ "ติดตาม ${no}" เพื่อดูสถานะล่าสุด`;
  const unsent = rule.notices.some((n) => n.to === 'complainant') ? ' และไม่ได้แจ้งผู้ร้องเรียน' : '';
  if (rule.from.includes(current.status) && rule.kinds.includes(current.kind) && rule.when && !rule.when.holds(current)) {
    if (move === 'take') return `${no} มีผู้รับผิดชอบแล้ว`;
    if (move === 'rate') return `ท่านประเมินเรื่อง ${no} ไปแล้ว ขอบคุณที่ร่วมประเมิน`;
    if (move === 'explain') return `เหตุผลความล่าช้าของเรื่อง ${no} บันทึกไว้แล้ว จึงไม่ได้บันทึกซ้ำ${unsent}`;
    if (current.explanationRequired) {
      return `ยังไม่ได้บันทึก${unsent} เนื่องจากเรื่อง ${no} เกินกำหนด 15 วันแล้ว ต้องแจ้งเหตุผลความล่าช้าแก่ผู้ร้องเรียนก่อน กด "แจ้งเหตุผลความล่าช้า" บนการ์ดเรื่อง`;
    }
  }
  return `ยังไม่ได้บันทึก${unsent} เนื่องจากเรื่อง ${no} เปลี่ยนไปก่อนหน้านี้แล้ว สถานะขณะนี้คือ "${COMPLAINT_STATUS_TH[current.status]}" ${again}`;
}
