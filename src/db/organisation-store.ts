import { fiscalYearOf } from '../domain/fiscal-year.js';
import type { OrganisationFields, OrganisationProfile } from '../domain/organisation.js';
import { OrganisationModel } from './models/organisation.js';

/** The organisation as described so far; null before it is first used. */
export async function findOrganisation(orgId: string): Promise<OrganisationProfile | null> {
  const org = await OrganisationModel.findById(orgId).lean();
  if (!org) return null;
  return { name: org.name, district: org.district ?? '', province: org.province ?? '', fiscalYear: org.fiscalYear, itaScore: org.itaScore ?? null, itaLevel: org.itaLevel ?? null };
}

/** Creates the organisation on first use, so a new deployment works before anyone has described it. */
export async function ensureOrganisation(orgId: string, now = new Date()) {
  const existing = await OrganisationModel.findById(orgId).lean();
  if (existing) return existing;
  try {
    await OrganisationModel.create({ _id: orgId, name: orgId, fiscalYear: fiscalYearOf(now) });
  } catch (error) {
    if ((error as { code?: number }).code !== 11000) throw error;
  }
  return (await OrganisationModel.findById(orgId).lean())!;
}

export async function updateOrganisation(orgId: string, fields: OrganisationFields) {
  await ensureOrganisation(orgId);
  const set = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
  await OrganisationModel.updateOne({ _id: orgId }, { $set: set });
  return (await OrganisationModel.findById(orgId).lean())!;
}

/** The fiscal year whose plan officers report on: set by the latest plan import or by `cli org`. */
export async function activeFiscalYear(orgId: string): Promise<number> {
  return (await ensureOrganisation(orgId)).fiscalYear;
}

/** The supporting factors (ปัจจัยสนับสนุน) the operator wrote for a fiscal year's plan report; [] when none. */
export async function supportingFactorsOf(orgId: string, fiscalYear: number): Promise<string[]> {
  const org = await OrganisationModel.findById(orgId, { supportingFactors: 1 }).lean();
  const factors = (org?.supportingFactors as Record<string, string[]> | Map<string, string[]> | undefined) ?? {};
  return (factors instanceof Map ? factors.get(String(fiscalYear)) : factors[String(fiscalYear)]) ?? [];
}

/** Replaces a fiscal year's supporting factors; other years keep theirs. */
export async function setSupportingFactors(orgId: string, fiscalYear: number, factors: string[]): Promise<void> {
  await ensureOrganisation(orgId);
  const kept = factors.map((f) => f.trim()).filter(Boolean);
  await OrganisationModel.updateOne({ _id: orgId }, { $set: { [`supportingFactors.${fiscalYear}`]: kept } });
}
