/** The files an organisation imports: the year's plan, the OIT list, the indicator table (README, "Files"). */
export const IMPORT_KINDS = ['plan', 'oit', 'indicators'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** Each kind as an admin names it. */
export const IMPORT_KIND_TH: Record<ImportKind, string> = {
  plan: 'แผนปฏิบัติการป้องกันการทุจริตประจำปี',
  oit: 'รายการข้อ OIT',
  indicators: 'ตารางตัวชี้วัด ITA',
};

/** The management log's action of each kind (domain/admin-audit.ts). */
export const IMPORT_AUDIT_ACTION = { plan: 'import.plan', oit: 'import.oit', indicators: 'import.indicators' } as const;
