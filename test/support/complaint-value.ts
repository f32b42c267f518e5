import type { Complaint } from '../../src/domain/complaints.js';
import { aComplaint } from './complaint.js';

/** A complaint as a stand-in store answers it: of the stand-ins' organisation, received, filed on 2 June 2025 (2568). */
export function complaintValue(fields: Partial<Complaint> & Pick<Complaint, 'id' | 'trackingNo' | 'reporterKey'>): Complaint {
  return aComplaint({
    orgId: 'org-a',
    fiscalYear: 2568,
    description: 'ไฟถนนดับหน้าตลาด',
    submittedAt: new Date('2025-06-02T02:00:00Z'),
    dueAt: new Date('2025-06-23T02:00:00Z'),
    ...fields,
  });
}
