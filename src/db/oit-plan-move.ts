import { randomUUID } from 'node:crypto';
import { oitItemOfPlanRow } from '../domain/ita-indicators.js';
import { MeasureModel } from './models/measure.js';
import { moveClaimer } from './move-claims.js';
import { OitPlanMoveModel, RetiredMeasureModel } from './models/retired-measure.js';
import { saveOitItemFromPlan } from './oit-store.js';

/**
 * The one-time move of plan items that name an OIT item ("O10", stored by a plan import before the OIT list
 * became that item's one record): the guideline goes onto the year's OIT item, and the plan item is retired
 * (kept whole in `retired_measures`, taken out of `measures`), so officers see the item only under OIT.
 */

const claimMove = moveClaimer(OitPlanMoveModel, async (itemId, round) => {
  await MeasureModel.updateOne({ _id: itemId, oitMoveRound: round - 1 }, { $set: { oitMoveRound: round } });
});

/**
 * Moves every such item, of every organisation or of one, once. Each item is claimed by a unique insert
 * before it is moved (docs/database.md: no transactions, so no read-then-write claim), so several instances
 * starting together move each item once, and a second run finds none left. Every step writes the same thing
 * when repeated, so an item whose mover died is moved whole by a later start once its lease has passed.
 */
export async function moveOitPlanItems(now: Date, options: { orgId?: string; owner?: string } = {}): Promise<{ moved: number }> {
  const owner = options.owner ?? randomUUID();
  // Every start reads this: only the fields that tell such an item, then the whole of the few that are.
  const keys = await MeasureModel.find({ ...(options.orgId ? { orgId: options.orgId } : {}), family: 'ita_indicator', indicator: { $ne: null } })
    .select('family indicator oitMoveRound')
    .lean();
  let moved = 0;
  for (const key of keys) {
    const oit = oitItemOfPlanRow({ family: key.family, indicator: key.indicator ?? null });
    if (!oit) continue;
    const itemId = String(key._id);
    if (!(await claimMove({ unitId: itemId, round: (key.oitMoveRound ?? 0) + 1, owner, now }))) continue;
    const doc = await MeasureModel.findById(key._id).lean();
    if (!doc) continue;
    await saveOitItemFromPlan(doc.orgId, { row: { fiscalYear: doc.fiscalYear, ...oit, title: doc.title, responsibleUnits: doc.responsibleUnits ?? [], assignees: doc.assignees ?? [], guideline: doc.guideline ?? null, periodText: doc.periodText ?? '' }, by: 'ย้ายจากแผนไปยังรายการ OIT', at: now });
    await RetiredMeasureModel.updateOne(
      { _id: doc._id },
      { $setOnInsert: { orgId: doc.orgId, fiscalYear: doc.fiscalYear, code: doc.code, retiredAt: now, movedTo: `oit_items ${oit.code}`, measure: doc } },
      { upsert: true },
    );
    await MeasureModel.deleteOne({ _id: doc._id });
    moved++;
  }
  return { moved };
}
