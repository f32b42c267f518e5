import { startLocalDatabase } from './src/db/local-ferretdb.ts';
import { connectDatabase } from './src/db/connect.ts';
import { MeasureModel } from './src/db/models/measure.ts';
import mongoose, { Types } from 'mongoose';
const db = await startLocalDatabase({ dataDir: '/tmp/expdb', durable: false });
await connectDatabase(db.uriFor('exp'));
const ORGS = 785;
if (await MeasureModel.estimatedDocumentCount() === 0) {
  const docs: any[] = [];
  for (let o = 0; o < ORGS; o++) for (let m = 0; m < 50; m++) docs.push({ _id: new Types.ObjectId(), orgId: `org-${o}`, fiscalYear: 2568, code: `X-${m}`, number: m + 1, family: m < 15 ? 'anticorruption_project' : 'ita_measure', title: `มาตรการที่ ${m + 1} ขององค์กร ${o}`, dimension: m < 15 ? (m % 4) + 1 : null, methodSteps: ['ขั้นตอนที่หนึ่ง', 'ขั้นตอนที่สอง'], responsibleUnits: ['สำนักปลัด'], assignees: [], periodText: 'ตลอดปีงบประมาณ', periodStart: new Date(), periodEnd: new Date(), budget: 1000, disbursed: 0, status: 'in_progress', lastReportAt: new Date() });
  for (let i = 0; i < docs.length; i += 5000) await MeasureModel.collection.insertMany(docs.slice(i, i + 5000));
}
const time = async (name: string, f: () => Promise<number>) => { const t = performance.now(); const n = await f(); console.log(name, n, Math.round(performance.now() - t), 'ms'); };
await time('cursor lean all', async () => { let n = 0; for await (const d of MeasureModel.find().lean().cursor()) n++; return n; });
await time('cursor lean fy', async () => { let n = 0; for await (const d of MeasureModel.find({ fiscalYear: 2568 }).lean().cursor()) n++; return n; });
const proj = { orgId: 1, fiscalYear: 1, code: 1, title: 1, family: 1, status: 1, dimension: 1, responsibleUnits: 1, periodText: 1, periodStart: 1, periodEnd: 1, budget: 1, disbursed: 1, lastReportAt: 1 };
await time('cursor projected', async () => { let n = 0; for await (const d of MeasureModel.find({ fiscalYear: 2568 }, proj).lean().cursor()) n++; return n; });
await time('raw toArray batch 10000', async () => (await MeasureModel.collection.find({ fiscalYear: 2568 }, { batchSize: 10000 }).toArray()).length);
await time('raw toArray default', async () => (await MeasureModel.collection.find({ fiscalYear: 2568 }).toArray()).length);
for (const conc of [4, 8, 16]) await time(`per org x${conc}`, async () => {
  let n = 0; let next = 0;
  await Promise.all(Array.from({ length: conc }, async () => { while (next < ORGS) { const o = next++; n += (await MeasureModel.collection.find({ orgId: `org-${o}`, fiscalYear: 2568 }).toArray()).length; } }));
  return n;
});
await mongoose.disconnect(); await db.stop();
