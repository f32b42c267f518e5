import type { Complaint } from '../../src/domain/complaints.js';

/** A complaint as a store would answer it, for stand-in stores; received, filed on 2 June 2025 (2568). */
export function complaintValue(fields: Partial<Complaint> & Pick<Complaint, 'id' | 'trackingNo' | 'reporterKey'>): Complaint {
  return {
    orgId: 'org-a',
    kind: 'general',
    fiscalYear: 2568,
    status: 'received',
    description: 'ไฟถนนดับหน้าตลาด',
    accused: null,
    happenedWhen: null,
    location: null,
    attachments: [],
    contactName: null,
    contactPhone: null,
    notify: true,
    reporterSealed: 'sealed',
    submittedAt: new Date('2025-06-02T02:00:00Z'),
    dueAt: new Date('2025-06-23T02:00:00Z'),
    handlerUserId: null,
    handlerName: null,
    closedAt: null,
    explanationRequired: false,
    explainedAt: null,
    category: null,
    afterPhotos: [],
    feedback: null,
    reopenCount: 0,
    reopenedAt: null,
    forwardedTo: null,
    ...fields,
  };
}
