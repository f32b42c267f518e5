import mongoose, { Types } from 'mongoose';
import { connectDatabase, disconnectDatabase } from '../src/db/connect.js';
import { ComplaintModel } from '../src/db/models/complaint.js';
import { MeasureModel } from '../src/db/models/measure.js';
import { OrganisationModel } from '../src/db/models/organisation.js';
import { SummarySnapshotModel } from '../src/db/models/summary-snapshot.js';
import { ProgressReportModel } from '../src/db/models/progress-report.js';
import { loadAllSummaries, loadSummary } from '../src/db/summary-store.js';
import { loadRollup } from '../src/db/rollup-store.js';
import { DEFAULT_LEVEL_THRESHOLDS } from '../src/domain/summary.js';
import { produceReport } from '../src/reports/catalogue.js';
import { benchDatabase } from './lib/environment.js';
import { bySize } from './lib/size.js';

/**
 * National scale: 7,850 organisations × 50 measures × 8 progress reports, plus 100,000 complaints, at 1 %,
 * 10 % and (with BENCH_FULL=1) 100 % of that size. Times the monthly summary of every organisation (one
 * pass over the data), one organisation's summary and its E-PlanNACC export; memory is the bench
 * process's peak RSS, which holds the data the summary pass keeps. Fails (`checks`) when a summary or
 * roll-up leaves an organisation out. BENCH_SIZE=small: 0.2 % only.
 */
const FULL = { organisations: 7_850, measuresPerOrg: 50, reportsPerMeasure: 8, complaints: 100_000 };
const NOW = new Date('2025-10-01T01:30:00Z');
const STATUSES = ['not_started', 'in_progress', 'completed', 'cannot_proceed'] as const;

export async function insertAll(model: mongoose.Model<any>, docs: Iterable<object> | AsyncIterable<object>, batch = 5_000): Promise<number> {
  let buffer: object[] = [];
  let n = 0;
  for await (const doc of docs) {
    buffer.push(doc);
    if (buffer.length === batch) {
      await model.collection.insertMany(buffer as never[], { ordered: false });
      n += buffer.length;
      buffer = [];
    }
  }
  if (buffer.length > 0) await model.collection.insertMany(buffer as never[], { ordered: false });
  return n + buffer.length;
}

export function* measuresOf(orgs: number) {
  for (let o = 0; o < orgs; o++) {
    for (let m = 0; m < FULL.measuresPerOrg; m++) {
      const anticorruption = m < 15;
      yield {
        _id: new Types.ObjectId(),
        orgId: `org-${o}`,
        fiscalYear: 2568,
        code: `${anticorruption ? 'EP' : 'ITA'}-${m}`,
        number: m + 1,
        family: anticorruption ? 'anticorruption_project' : 'ita_measure',
        title: `มาตรการที่ ${m + 1} ขององค์กร ${o}`,
        dimension: anticorruption ? (m % 4) + 1 : null,
        methodSteps: ['ขั้นตอนที่หนึ่ง', 'ขั้นตอนที่สอง'],
        responsibleUnits: [['สำนักปลัด', 'กองคลัง', 'กองช่าง'][m % 3]],
        assignees: [],
        periodText: 'ตลอดปีงบประมาณ',
        periodStart: new Date('2024-09-30T17:00:00Z'),
        periodEnd: new Date('2025-09-30T17:00:00Z'),
        budget: anticorruption ? 10_000 * (m + 1) : 0,
        disbursed: 0,
        status: STATUSES[(o + m) % 4],
        lastReportAt: new Date('2025-09-20T03:00:00Z'),
      };
    }
  }
}

async function* reportsFor() {
  let i = 0;
  for await (const m of MeasureModel.find().select('_id orgId code status').lean().cursor()) {
    for (let r = 0; r < FULL.reportsPerMeasure; r++) {
      yield {
        orgId: m.orgId,
        measureId: m._id,
        measureCode: m.code,
        fiscalYear: 2568,
        reporterLineUserId: `U${m.orgId}`,
        reporterName: 'เจ้าหน้าที่',
        reportedAt: new Date(Date.UTC(2024, 10 + r, 15)),
        status: r === FULL.reportsPerMeasure - 1 ? m.status : 'in_progress',
        summary: 'ดำเนินการตามแผน',
        disbursed: null,
        attachments: [],
        sourceEventId: `scale-${i++}`,
      };
    }
  }
}

export function* complaintsOf(count: number, orgs: number) {
  for (let i = 0; i < count; i++) {
    const submittedAt = new Date(Date.UTC(2025, i % 12, 1 + (i % 27)));
    yield {
      orgId: `org-${i % orgs}`,
      trackingNo: `G2568-${String(i).padStart(6, '0')}`,
      kind: i % 10 === 0 ? 'corruption' : 'general',
      fiscalYear: 2568,
      seq: i + 1,
      status: ['received', 'in_progress', 'resolved'][i % 3],
      description: 'ถนนชำรุด',
      reporterKey: `uk_${i}`,
      reporterSealed: 'v1.x',
      submittedAt,
      dueAt: new Date(submittedAt.getTime() + 16 * 86_400_000),
      notify: true,
      explanationRequired: false,
      attachments: [],
      sourceEventId: `scale-complaint-${i}`,
    };
  }
}

/** 7,850 organisations over 77 provinces (about 102 each) and 878 districts (about 9 each), as in Thailand. */
const PROVINCES = 77;
const DISTRICTS = 878;
const organisation = (o: number) => ({ _id: `org-${o}`, name: `อบต.ที่ ${o}`, district: `อำเภอที่ ${o % DISTRICTS}`, province: `จังหวัดที่ ${o % DISTRICTS % PROVINCES}`, fiscalYear: 2568, active: true });

/**
 * Supervisors' roll-ups at the same sizes: a district and a province (read organisation by organisation on
 * the indexes) and the whole country (one pass, like the monthly summary of every organisation).
 */
async function timeRollups(orgs: number) {
  const thresholds = DEFAULT_LEVEL_THRESHOLDS;
  const { province, district: districtName } = organisation(0);
  let t = performance.now();
  const district = await loadRollup({ level: 'district', province, district: districtName }, NOW, thresholds);
  const districtSeconds = seconds(t);
  t = performance.now();
  const ofProvince = await loadRollup({ level: 'province', province }, NOW, thresholds);
  const provinceSeconds = seconds(t);
  t = performance.now();
  const national = await loadRollup({ level: 'national' }, NOW, thresholds);
  const nationalSeconds = seconds(t);
  return {
    district: { seconds: districtSeconds, organisations: district.rows.length },
    province: { seconds: provinceSeconds, organisations: ofProvince.rows.length },
    national: { seconds: nationalSeconds, organisations: national.rows.length, of: orgs },
  };
}

export const firstMonthPlaceholder = { total: 50, not_started: 50, in_progress: 0, completed: 0, cannot_proceed: 0, awaiting_report: 50, budget: 0, disbursed: 0, implementationPercent: 0, disbursementPercent: 0 };
const seconds = (t: number) => Math.round((performance.now() - t) / 10) / 100;
const peakMiB = () => Math.round(process.resourceUsage().maxRSS / 1024);

export async function dataScaleBenchmark() {
  const fractions = bySize({ small: [0.002], default: [0.01, 0.1], full: [0.01, 0.1, 1] });
  const { db, release } = await benchDatabase('scale');
  const sizes = [];
  try {
    for (const fraction of fractions) {
      await connectDatabase(db.uriFor(`scale_${String(fraction).replace('.', '_')}`));
      const orgs = Math.round(FULL.organisations * fraction);
      let t = performance.now();
      await insertAll(OrganisationModel, Array.from({ length: orgs }, (_, o) => organisation(o)));
      const measures = await insertAll(MeasureModel, measuresOf(orgs));
      const reports = await insertAll(ProgressReportModel, reportsFor());
      const complaints = await insertAll(ComplaintModel, complaintsOf(Math.round(FULL.complaints * fraction), orgs));
      const generateSeconds = seconds(t);

      // The first month replays every report for the trend (minutes at full size, so only measured below it).
      t = performance.now();
      const firstMonth = fraction < 1 ? await loadAllSummaries(NOW, DEFAULT_LEVEL_THRESHOLDS) : null;
      const firstMonthSeconds = firstMonth ? seconds(t) : null;
      // In operation, last month's run left its figures for the trend.
      const lastMonthFigures = (orgId: string) => firstMonth?.get(orgId)?.previous ?? { asOf: new Date('2025-09-01T01:30:00Z'), overall: firstMonthPlaceholder };
      await insertAll(SummarySnapshotModel, Array.from({ length: orgs }, (_, o) => `org-${o}`).map((orgId) => ({ _id: `${orgId}:2025-09`, orgId, month: '2025-09', ...lastMonthFigures(orgId) })));
      t = performance.now();
      const all = await loadAllSummaries(NOW, DEFAULT_LEVEL_THRESHOLDS);
      const allSeconds = seconds(t);
      t = performance.now();
      await loadSummary('org-0', NOW, DEFAULT_LEVEL_THRESHOLDS);
      const oneSeconds = seconds(t);
      t = performance.now();
      const eplan = await produceReport('org-0', { kind: 'eplan-12-xlsx', thresholds: DEFAULT_LEVEL_THRESHOLDS, now: NOW });
      const exportSeconds = seconds(t);
      const rollups = await timeRollups(orgs);
      sizes.push({
        fraction,
        data: { organisations: orgs, measures, progressReports: reports, complaints },
        generateSeconds,
        monthlySummaryAllOrganisations: { seconds: allSeconds, organisationsSummarised: all.size, withinTarget30s: allSeconds <= 30 },
        monthlySummaryAllOrganisationsFirstMonth: { seconds: firstMonthSeconds, note: 'no figures from a previous month: the trend replays every progress report' },
        monthlySummaryOneOrganisation: { seconds: oneSeconds, withinTarget500ms: oneSeconds <= 0.5 },
        eplanExportOneOrganisation: { seconds: exportSeconds, bytes: eplan.body.length, withinTarget2s: exportSeconds <= 2 },
        rollups,
        benchProcessPeakMiB: peakMiB(),
        everyOrganisationCounted: all.size === orgs && rollups.national.organisations === orgs && (firstMonth === null || firstMonth.size === orgs),
      });
      await mongoose.connection.dropDatabase();
      await disconnectDatabase();
    }
    return { benchmark: 'data-scale', full: FULL, sizes, checks: { everyOrganisationCounted: sizes.every((s) => s.everyOrganisationCounted) } };
  } finally {
    await disconnectDatabase().catch(() => undefined);
    await release();
  }
}
