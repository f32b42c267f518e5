import type { Complaint } from '../../src/domain/complaints.js';

/** A filed general complaint as the stores return it, for tests of what is drawn from one; override what matters. */
export function aComplaint(fields: Partial<Complaint> = {}): Complaint {
  return {
    id: '65f000000000000000000001',
    orgId: 'o',
    trackingNo: 'G2569-0001',
    kind: 'general',
    fiscalYear: 2569,
    status: 'received',
    description: 'ถนนเป็นหลุม',
    accused: null,
    happenedWhen: null,
    location: null,
    attachments: [],
    contactName: null,
    contactPhone: null,
    notify: true,
    reporterKey: 'k',
    reporterSealed: 's',
    submittedAt: new Date('2025-11-01T03:00:00Z'),
    dueAt: new Date('2025-11-16T17:00:00Z'),
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
