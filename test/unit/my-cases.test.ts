import { describe, expect, it } from 'vitest';
import { myCases } from '../../src/features/my-cases/feature.js';
import { complaintValue } from '../support/complaint-value.js';
import { visibleText } from '../support/chat.js';
import { complaintsInMemory, sender, standInContext, typed } from '../support/stand-ins.js';

// "เรื่องของฉัน" with its stores in memory: no database, the organisation already given.
const citizen = sender('U-citizen');
const other = sender('U-other');

describe('my cases, with its stores in memory', () => {
  it('lists the sender\'s own cases, newest first, and nobody else\'s', async () => {
    const complaints = complaintsInMemory([
      complaintValue({ id: 'c1', trackingNo: 'G2568-0001', reporterKey: citizen.userKey, description: 'ไฟถนนดับ', submittedAt: new Date('2025-06-01T02:00:00Z') }),
      complaintValue({ id: 'c2', trackingNo: 'G2568-0002', reporterKey: other.userKey, description: 'ขยะล้นถัง' }),
      complaintValue({ id: 'c3', trackingNo: 'C2568-0001', kind: 'corruption', reporterKey: citizen.userKey, description: 'เรียกรับเงิน', submittedAt: new Date('2025-06-02T02:00:00Z') }),
    ]);
    const reply = visibleText(await myCases.handle(standInContext({ input: typed('เรื่องของฉัน'), sender: citizen, stores: { complaints } })));
    expect(reply).toContain('เรื่องของท่าน 2 เรื่องล่าสุด');
    expect(reply.indexOf('C2568-0001')).toBeGreaterThan(-1);
    expect(reply.indexOf('C2568-0001')).toBeLessThan(reply.indexOf('G2568-0001'));
    expect(reply).not.toContain('G2568-0002');
    expect(reply).not.toContain('ขยะล้นถัง');
  });

  it('tells someone with no cases how to file one', async () => {
    const reply = visibleText(await myCases.handle(standInContext({ input: typed('เรื่องของฉัน'), sender: citizen, stores: { complaints: complaintsInMemory([]) } })));
    expect(reply).toContain('ท่านยังไม่มีเรื่องร้องเรียน');
  });
});
