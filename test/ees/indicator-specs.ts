/** The indicators the DfE sample reports, as importer specs (shared by several tests). */
import type { EesIndicatorSpec, RowFilter } from '../../src/engine/data/ees/index.js';
import { FILES } from './dfe-files.js';

export const PLACE = { file: 'data.yaml', line: 1, column: 1 } as const;

export interface SpecCase {
  readonly file: string;
  readonly spec: EesIndicatorSpec;
}

const spec = (
  indicatorId: string,
  value: string,
  numerator: string,
  denominator: string,
  where: RowFilter,
  denominatorWhere?: RowFilter,
): EesIndicatorSpec => ({
  indicatorId,
  value,
  numerator,
  denominator,
  where,
  ...(denominatorWhere ? { denominatorWhere } : {}),
  place: PLACE,
});

export const CASES: readonly SpecCase[] = [
  {
    file: FILES.referrals,
    spec: spec('CIN-REREF', 'rereferral_percent', 'rereferral_count', 'referral_count', {
      category: 'Referrals and Re-referrals',
    }),
  },
  {
    file: FILES.careLeaversActivity,
    spec: spec(
      'CL-EET',
      'care_leaver_percent',
      'care_leaver_count',
      'care_leaver_count',
      {
        care_leaver_age: '19 to 21 years',
        breakdown: 'Total in education, employment or training',
      },
      { breakdown: 'Total' },
    ),
  },
  {
    file: FILES.careLeaversAccommodation,
    spec: spec(
      'CL-ACCOM',
      'care_leaver_percent',
      'care_leaver_count',
      'care_leaver_count',
      { care_leaver_age: '19 to 21 years', breakdown: 'Accommodation considered suitable' },
      { breakdown: 'Suitability total' },
    ),
  },
  {
    file: FILES.placementStability,
    spec: spec(
      'CLA-3PLUS',
      'children_percent',
      'children_count',
      'children_count',
      {
        cla_group: 'CLA on 31 March',
        placement_stability: 'With 3 or more placements during the year',
      },
      { placement_stability: 'Total children' },
    ),
  },
];
