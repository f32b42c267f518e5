/** How an organisation is named on its official reports, and its current fiscal year and ITA result. */
export interface OrganisationProfile {
  name: string;
  district: string;
  province: string;
  /** B.E., e.g. 2568. */
  fiscalYear: number;
  itaScore: number | null;
  itaLevel: string | null;
}

/** What an operator may set of it; anything left out stays as it is. */
export type OrganisationFields = Partial<OrganisationProfile>;
