/**
 * Officer sentences with their verdicts against test/claims/data.yaml (report period
 * 2023/24 Q4). Written from the data and dsl.md's narrative-claim rule, the way
 * performance officers write (docs/users.md and council committee reports): about half
 * agree with the data, half contradict it. A sentence without its own directive stands
 * inside a `:::indicator{id=…}` container for `indicator`.
 *
 * The data, for checking a verdict by hand:
 * - EET (percent, higher is better): Q4 2023/24 67% (201 of 300), Q3 63%, Q4 2022/23 72%;
 *   target 80% (Red); England 82%, London 80%, statistical neighbours 74% (2022/23).
 * - REREF (percent, lower is better, one decimal): 2023/24 21.3% (550 of 2,582), 2022/23
 *   24.5%; target 22% (Green); England 22.4%, London 19.8%, neighbours 23.1%.
 * - MISSING (count of children, no polarity, monthly): March 2024 21, February 18,
 *   January 15, December 12.
 * - CLA-RATE (rate per 10,000, no polarity): 2023/24 49.8, 2022/23 52.3; England 70.0,
 *   London 50.0.
 * - ADOPT-DAYS (days, lower is better): 2023/24 452, 2022/23 414; target 426; England 436.
 * - HEALTH (percent, higher): 2023/24 90% (on its 90% target), 2022/23 89%, 2021/22 87%,
 *   2020/21 85%, 2019/20 91%, 2018/19 88%.
 * - REPEAT-CP (percent, band 16% to 23%): Q4 22%, Q3 25%.
 * - UASC-MISSING (count, small): Q4 3 (a small number), Q3 9.
 * - OOA (count, lower is better, no counting unit): Q4 14, Q3 12.
 */
export interface CorpusEntry {
  readonly indicator: string;
  readonly text: string;
  /** True when the sentence contradicts the data. */
  readonly flag: boolean;
  /** For a contradiction: text the warning must cover. */
  readonly claim?: string;
}

export const CORPUS: readonly CorpusEntry[] = [
  // EET: a percentage, higher is better, quarterly.
  {
    indicator: 'EET',
    flag: false,
    text: 'Care leavers in education, employment or training stood at 67% at the end of March.',
  },
  {
    indicator: 'EET',
    flag: true,
    claim: '64%',
    text: 'Care leavers in education, employment or training stood at 64% at the end of March.',
  },
  { indicator: 'EET', flag: false, text: 'Performance remains below target at 67%.' },
  {
    indicator: 'EET',
    flag: true,
    claim: 'above target',
    text: 'Performance remains above target at 67%.',
  },
  {
    indicator: 'EET',
    flag: false,
    text: 'This represents an improvement on the previous quarter.',
  },
  {
    indicator: 'EET',
    flag: true,
    claim: 'improvement',
    text: 'This represents an improvement on the same quarter last year.',
  },
  {
    indicator: 'EET',
    flag: false,
    text: 'We remain below our statistical neighbours and the England average.',
  },
  { indicator: 'EET', flag: true, text: 'We remain above our statistical neighbours.' },
  { indicator: 'EET', flag: false, text: 'The proportion rose from 63% in Q3 to 67% in Q4.' },
  {
    indicator: 'EET',
    flag: true,
    claim: 'fell',
    text: 'The proportion fell from 63% in Q3 to 67% in Q4.',
  },
  { indicator: 'EET', flag: false, text: 'In Q4 2022/23 the figure was 72%.' },
  { indicator: 'EET', flag: true, claim: '74%', text: 'In Q4 2022/23 the figure was 74%.' },
  {
    indicator: 'EET',
    flag: false,
    text: '201 of the 300 care leavers we are in touch with were in education, employment or training.',
  },
  {
    indicator: 'EET',
    flag: true,
    text: 'At 67%, performance is 18 percentage points below the England average.',
  },
  {
    indicator: 'EET',
    flag: false,
    text: 'At 67%, performance is 15 percentage points below the England average.',
  },
  {
    indicator: 'EET',
    flag: false,
    text: 'Performance is up 4 percentage points on the previous quarter but remains short of the 80% target.',
  },
  {
    indicator: 'EET',
    flag: true,
    claim: 'met the target',
    text: 'Performance has met the target this quarter.',
  },
  { indicator: 'EET', flag: false, text: 'The target of 80% was missed.' },
  {
    indicator: 'EET',
    flag: true,
    claim: '75%',
    text: 'The target of 75% was missed, although the gap is narrowing.',
  },
  {
    indicator: 'EET',
    flag: false,
    text: 'Twelve workshops were held at the Leaving Care hub and 12 care leavers started apprenticeships.',
  },
  {
    indicator: 'EET',
    flag: false,
    text: 'The service held 12 workshops and filled 3 vacancies in the post-16 team during the quarter.',
  },
  {
    indicator: 'EET',
    flag: true,
    text: 'Compared with the same quarter last year, performance has improved.',
  },
  {
    indicator: 'EET',
    flag: false,
    text: 'Compared with the same quarter last year, performance has deteriorated.',
  },
  { indicator: 'EET', flag: false, text: 'Performance is lower than the London average of 80%.' },
  { indicator: 'EET', flag: true, text: 'Performance is higher than the London average of 80%.' },
  {
    indicator: 'EET',
    flag: true,
    claim: '78%',
    text: 'The London average of 78% is higher than ours.',
  },
  {
    indicator: 'EET',
    flag: false,
    text: 'We expect performance to improve further once the new post-16 adviser is in post.',
  },
  {
    indicator: 'EET',
    flag: false,
    text: 'Care leavers in EET rose to 67% this quarter, up from 63% in Q3 2023/24.',
  },
  {
    indicator: 'EET',
    flag: true,
    claim: '69%',
    text: 'Care leavers in EET rose to 69% this quarter, up from 63% in Q3 2023/24.',
  },
  { indicator: 'EET', flag: false, text: 'This is 13 points below target.' },
  {
    indicator: 'EET',
    flag: false,
    text: 'The report was presented to the Corporate Parenting Panel on 15 July 2024, item 7.',
  },
  {
    indicator: 'EET',
    flag: true,
    text: 'Performance has declined for the third quarter running and now stands at 63%.',
  },

  // REREF: a percentage with one decimal, lower is better, yearly.
  {
    indicator: 'REREF',
    flag: false,
    text: 'Re-referrals within 12 months fell to 21.3% in 2023/24.',
  },
  {
    indicator: 'REREF',
    flag: true,
    claim: 'rose',
    text: 'Re-referrals within 12 months rose to 21.3% in 2023/24.',
  },
  {
    indicator: 'REREF',
    flag: false,
    text: 'Re-referrals reduced from 24.5% in 2022/23 to 21.3%, an improvement on the previous year.',
  },
  {
    indicator: 'REREF',
    flag: true,
    text: 'Re-referrals increased from 24.5% in 2022/23 to 21.3%.',
  },
  {
    indicator: 'REREF',
    flag: false,
    text: 'At 21.3%, the re-referral rate is below the England average of 22.4% but above London (19.8%).',
  },
  {
    indicator: 'REREF',
    flag: true,
    text: 'At 21.3%, the re-referral rate is above the England average of 22.4%.',
  },
  {
    indicator: 'REREF',
    flag: true,
    claim: 'above target',
    text: 'The re-referral rate of 21.3% remains above target.',
  },
  { indicator: 'REREF', flag: false, text: 'We met our target of 22% for the year.' },
  { indicator: 'REREF', flag: true, text: 'We missed our target of 22% for the year.' },
  {
    indicator: 'REREF',
    flag: false,
    text: 'Re-referrals are better than the England average and our statistical neighbours.',
  },
  {
    indicator: 'REREF',
    flag: true,
    text: 'Re-referrals are worse than our statistical neighbours.',
  },
  { indicator: 'REREF', flag: false, text: 'Performance has improved this year.' },
  {
    indicator: 'REREF',
    flag: true,
    claim: '22.1%',
    text: 'Re-referrals were 22.1% in 2023/24, close to the England average.',
  },
  {
    indicator: 'REREF',
    flag: false,
    text: '550 of the 2,582 referrals received in 2023/24 were re-referrals.',
  },
  {
    indicator: 'REREF',
    flag: true,
    claim: '24.5%',
    text: 'The re-referral rate was 24.5% in 2023/24.',
  },
  { indicator: 'REREF', flag: false, text: 'In 2022/23 the re-referral rate was 24.5%.' },
  {
    indicator: 'REREF',
    flag: false,
    text: 'Section 3 sets out the 5 actions agreed with partners in 2023.',
  },
  {
    indicator: 'REREF',
    flag: true,
    text: 'The re-referral rate is now 2.1 percentage points below the previous year.',
  },

  // MISSING: a count of children, no polarity, monthly in a quarterly report.
  {
    indicator: 'MISSING',
    flag: false,
    text: '21 children went missing from care in March, the highest monthly figure this year.',
  },
  {
    indicator: 'MISSING',
    flag: true,
    claim: '18',
    text: '18 children went missing from care in March.',
  },
  {
    indicator: 'MISSING',
    flag: false,
    text: 'The number of children missing from care rose to 21 in March 2024.',
  },
  {
    indicator: 'MISSING',
    flag: true,
    claim: 'fell',
    text: 'The number of children missing from care fell to 21 in March 2024.',
  },
  { indicator: 'MISSING', flag: false, text: 'In January 2024, 15 children went missing.' },
  {
    indicator: 'MISSING',
    flag: true,
    claim: '17',
    text: 'In January 2024, 17 children went missing.',
  },
  {
    indicator: 'MISSING',
    flag: false,
    text: 'Return home interviews were offered to every child, and 4 staff completed training on missing episodes.',
  },
  {
    indicator: 'MISSING',
    flag: false,
    text: 'Missing episodes are discussed at the weekly exploitation panel, which met 12 times this quarter.',
  },
  {
    indicator: 'MISSING',
    flag: false,
    text: 'No judgement of better or worse is made on these counts.',
  },
  {
    indicator: 'MISSING',
    flag: true,
    text: 'Compared with February, the number of children going missing decreased.',
  },
  {
    indicator: 'MISSING',
    flag: false,
    text: 'All 21 children were offered a return home interview within 72 hours.',
  },
  {
    indicator: 'MISSING',
    flag: true,
    text: 'The number of children who went missing in February was 16.',
  },

  // CLA-RATE: a rate per 10,000, no polarity, yearly.
  {
    indicator: 'CLA-RATE',
    flag: false,
    text: 'The rate of children looked after was 49.8 per 10,000 children at 31 March 2024.',
  },
  {
    indicator: 'CLA-RATE',
    flag: true,
    claim: '52.3 per 10,000 children',
    text: 'The rate of children looked after was 52.3 per 10,000 children at 31 March 2024.',
  },
  {
    indicator: 'CLA-RATE',
    flag: false,
    text: 'Our rate of 49.8 per 10,000 remains well below the England rate of 70.0 per 10,000.',
  },
  {
    indicator: 'CLA-RATE',
    flag: true,
    text: 'Our rate of 49.8 per 10,000 remains above the England rate.',
  },
  { indicator: 'CLA-RATE', flag: false, text: 'The rate fell from 52.3 per 10,000 in 2022/23.' },
  { indicator: 'CLA-RATE', flag: true, text: 'The rate increased slightly on last year.' },
  { indicator: 'CLA-RATE', flag: false, text: 'We remain just below London (50.0 per 10,000).' },
  { indicator: 'CLA-RATE', flag: true, text: 'The rate is now higher than London.' },
  {
    indicator: 'CLA-RATE',
    flag: false,
    text: 'The council looked after 312 children at the end of March, a rate of 49.8 per 10,000.',
  },
  {
    indicator: 'CLA-RATE',
    flag: true,
    text: 'The rate of children looked after rose to 51.2 per 10,000.',
  },

  // ADOPT-DAYS: days, lower is better, yearly.
  {
    indicator: 'ADOPT-DAYS',
    flag: false,
    text: 'The average time between entering care and moving in with an adoptive family was 452 days in 2023/24.',
  },
  {
    indicator: 'ADOPT-DAYS',
    flag: true,
    claim: '414 days',
    text: 'The average time between entering care and moving in with an adoptive family was 414 days in 2023/24.',
  },
  {
    indicator: 'ADOPT-DAYS',
    flag: false,
    text: 'This is longer than the England average of 436 days.',
  },
  { indicator: 'ADOPT-DAYS', flag: true, text: 'At 452 days we are below the England average.' },
  {
    indicator: 'ADOPT-DAYS',
    flag: false,
    text: 'Timeliness has worsened, rising from 414 days in 2022/23.',
  },
  {
    indicator: 'ADOPT-DAYS',
    flag: true,
    text: 'Timeliness has improved, falling from 414 days in 2022/23.',
  },
  { indicator: 'ADOPT-DAYS', flag: false, text: 'Performance is above the target of 426 days.' },
  { indicator: 'ADOPT-DAYS', flag: true, text: 'Performance is within the target of 426 days.' },
  {
    indicator: 'ADOPT-DAYS',
    flag: false,
    text: 'Four adoption panels were held and 6 adopters were approved.',
  },
  {
    indicator: 'ADOPT-DAYS',
    flag: false,
    text: 'Adoption timeliness must improve to reach the 426 day target.',
  },
  {
    indicator: 'ADOPT-DAYS',
    flag: false,
    text: 'Children waited within the statutory 20 working days for a matching panel.',
  },
  {
    indicator: 'ADOPT-DAYS',
    flag: true,
    claim: 'ours was 436 days',
    text: 'The England average was 436 days in 2022/23, and ours was 436 days in 2023/24.',
  },

  // HEALTH: a percentage, higher is better, yearly with a long history.
  {
    indicator: 'HEALTH',
    flag: false,
    text: '90% of children looked after had an up-to-date health assessment, on target.',
  },
  {
    indicator: 'HEALTH',
    flag: true,
    claim: '92%',
    text: '92% of children looked after had an up-to-date health assessment.',
  },
  { indicator: 'HEALTH', flag: false, text: 'This is the highest level since 2019/20.' },
  { indicator: 'HEALTH', flag: true, text: 'This is the highest level since 2018/19.' },
  { indicator: 'HEALTH', flag: true, text: 'This is the lowest figure since 2020/21.' },
  {
    indicator: 'HEALTH',
    flag: false,
    text: 'Health assessments improved slightly, from 89% to 90%.',
  },
  { indicator: 'HEALTH', flag: true, text: 'Health assessments fell slightly, from 89% to 90%.' },
  { indicator: 'HEALTH', flag: false, text: 'We have achieved our target of 90%.' },
  { indicator: 'HEALTH', flag: true, text: 'We remain below our target of 90%.' },
  {
    indicator: 'HEALTH',
    flag: false,
    text: 'A new health clinic opened in 2023 and saw 45 young people in its first month.',
  },

  // REPEAT-CP: a percentage judged against a band.
  {
    indicator: 'REPEAT-CP',
    flag: false,
    text: 'Repeat child protection plans were 22%, within the expected range of 16% to 23%.',
  },
  {
    indicator: 'REPEAT-CP',
    flag: true,
    text: 'Repeat child protection plans were 22%, outside the expected range of 16% to 23%.',
  },
  { indicator: 'REPEAT-CP', flag: false, text: 'Repeat plans fell from 25% in Q3 to 22%.' },
  { indicator: 'REPEAT-CP', flag: true, text: 'Repeat plans rose this quarter to 22%.' },
  { indicator: 'REPEAT-CP', flag: true, claim: '24%', text: 'Repeat plans were 24% this quarter.' },

  // UASC-MISSING: a small count; a warning must never print it.
  {
    indicator: 'UASC-MISSING',
    flag: false,
    text: 'The number of unaccompanied children who went missing fell this quarter.',
  },
  {
    indicator: 'UASC-MISSING',
    flag: true,
    claim: '4',
    text: '4 unaccompanied children went missing in the quarter.',
  },
  {
    indicator: 'UASC-MISSING',
    flag: true,
    text: 'The number of unaccompanied children who went missing rose this quarter.',
  },

  // Sentences with their own directives, outside any container.
  {
    indicator: 'EET',
    flag: false,
    text: 'Care leavers in EET stood at :value{id=EET}, up from 63% in Q3.',
  },
  {
    indicator: 'EET',
    flag: true,
    claim: '61%',
    text: 'Care leavers in EET stood at :value{id=EET}, up from 61% in Q3.',
  },
  {
    indicator: 'REREF',
    flag: false,
    text: 'Re-referrals were :value{id=REREF}, better than the England average of 22.4%.',
  },
  {
    indicator: 'REREF',
    flag: true,
    text: 'Re-referrals were :value{id=REREF}, below the London figure of 19.8%.',
  },
  {
    indicator: 'HEALTH',
    flag: false,
    text: 'Health assessments were :value{id=HEALTH} against a target of :target{id=HEALTH} (:rag{id=HEALTH}), the highest since 2019/20.',
  },
  {
    indicator: 'CLA-RATE',
    flag: false,
    text: 'The rate was :value{id=CLA-RATE period=2022/23}, lower than the England average of 70.0 per 10,000.',
  },
  {
    indicator: 'CLA-RATE',
    flag: true,
    claim: '50.1 per 10,000',
    text: 'In 2022/23 the rate was 50.1 per 10,000, against :benchmark{id=CLA-RATE vs=England} in England.',
  },
  {
    indicator: 'EET',
    flag: false,
    text: 'In Q3 2023/24, :value{id=EET period="2023/24 Q3"} of care leavers were in EET, below the 80% target.',
  },
  {
    indicator: 'EET',
    flag: true,
    text: 'In Q3 2023/24, :value{id=EET period="2023/24 Q3"} of care leavers were in EET, above the target.',
  },
  {
    indicator: 'MISSING',
    flag: true,
    text: 'In March :value{id=MISSING} went missing, down from 18 in February.',
  },
  {
    indicator: 'MISSING',
    flag: false,
    text: 'In March :value{id=MISSING} went missing, up from 18 children in February 2024.',
  },
  // A second batch, written after the first passed, in other officers' styles.
  {
    indicator: 'EET',
    flag: false,
    text: 'Just over two thirds of care leavers (67%) were in education, employment or training at the end of Q4.',
  },
  {
    indicator: 'EET',
    flag: false,
    text: 'Although performance improved this quarter, it remains 13 percentage points below the 80% target.',
  },
  {
    indicator: 'EET',
    flag: true,
    text: 'Although performance dipped slightly this quarter, it remains below target.',
  },
  {
    indicator: 'EET',
    flag: false,
    text: 'EET performance (67%) continues to lag behind the national average (82%).',
  },
  {
    indicator: 'EET',
    flag: true,
    text: 'EET performance (67%) is now ahead of the national average.',
  },
  {
    indicator: 'EET',
    flag: false,
    text: 'The Q4 figure of 67% compares with 72% in the same quarter of 2022/23.',
  },
  {
    indicator: 'EET',
    flag: true,
    text: 'Care leavers in EET reached 70% this quarter, the best figure for over a year.',
  },
  {
    indicator: 'EET',
    flag: false,
    text: 'Of the 300 care leavers aged 19 to 21, 201 were in education, employment or training.',
  },
  {
    indicator: 'REREF',
    flag: false,
    text: 'Re-referrals have fallen to 21.3%, meeting the target of 22% and now better than the England average (22.4%).',
  },
  {
    indicator: 'REREF',
    flag: true,
    text: 'At 23.1%, re-referrals remain higher than the national average.',
  },
  {
    indicator: 'REREF',
    flag: false,
    text: 'The rate of re-referrals is 1.5 percentage points higher than London.',
  },
  {
    indicator: 'REREF',
    flag: true,
    text: 'The rate of re-referrals is 3.5 percentage points higher than London.',
  },
  {
    indicator: 'REREF',
    flag: false,
    text: 'Re-referrals within 12 months have reduced year on year.',
  },
  { indicator: 'REREF', flag: true, text: 'Re-referrals went up in 2023/24.' },
  {
    indicator: 'MISSING',
    flag: false,
    text: 'There were 21 children missing from care during March, up from 18 in February.',
  },
  {
    indicator: 'MISSING',
    flag: true,
    text: 'There were 21 children missing from care during March, down from 18 in February.',
  },
  {
    indicator: 'MISSING',
    flag: true,
    text: 'There were 24 children missing from care during March.',
  },
  {
    indicator: 'MISSING',
    flag: false,
    text: 'Eight children accounted for over half of all missing episodes.',
  },
  {
    indicator: 'MISSING',
    flag: false,
    text: 'In line with our protocol, 3 strategy meetings were held.',
  },
  {
    indicator: 'CLA-RATE',
    flag: false,
    text: 'At 49.8 per 10,000, our rate of children in care remains lower than both London and England.',
  },
  {
    indicator: 'CLA-RATE',
    flag: true,
    text: 'At 49.8 per 10,000, our rate of children in care is higher than both London and England.',
  },
  {
    indicator: 'CLA-RATE',
    flag: true,
    text: 'The looked after rate stands at 55.0 per 10,000 children.',
  },
  {
    indicator: 'ADOPT-DAYS',
    flag: false,
    text: 'Children waited an average of 452 days, 26 days longer than our target.',
  },
  {
    indicator: 'ADOPT-DAYS',
    flag: true,
    text: 'Children waited an average of 452 days, 10 days longer than our target.',
  },
  {
    indicator: 'ADOPT-DAYS',
    flag: false,
    text: 'The average wait increased by 38 days compared with 2022/23.',
  },
  {
    indicator: 'ADOPT-DAYS',
    flag: true,
    text: 'The average wait decreased by 38 days compared with 2022/23.',
  },
  {
    indicator: 'HEALTH',
    flag: false,
    text: 'Health assessment timeliness was 90% in 2023/24, up one point from 89% in 2022/23.',
  },
  {
    indicator: 'HEALTH',
    flag: true,
    text: 'Health assessment timeliness was 90% in 2023/24, down from 91% in 2022/23.',
  },
  {
    indicator: 'HEALTH',
    flag: false,
    text: 'Performance is on target for the first time since 2019/20.',
  },
  { indicator: 'HEALTH', flag: true, text: 'Performance fell short of the 90% target.' },
  {
    indicator: 'REPEAT-CP',
    flag: false,
    text: 'Repeat plans are back within the expected range, at 22%.',
  },
  {
    indicator: 'REPEAT-CP',
    flag: true,
    text: 'Repeat plans remain above the expected range at 22%.',
  },
  {
    indicator: 'UASC-MISSING',
    flag: false,
    text: 'Fewer unaccompanied children went missing this quarter than last.',
  },
  {
    indicator: 'UASC-MISSING',
    flag: true,
    text: 'More unaccompanied children went missing this quarter than in Q3.',
  },
  {
    indicator: 'EET',
    flag: false,
    text: ':value{id=EET} of care leavers were in EET, below London (:benchmark{id=EET vs=London}).',
  },
  {
    indicator: 'EET',
    flag: true,
    text: ':value{id=EET} of care leavers were in EET, in line with the target of 67%.',
  },
  {
    indicator: 'HEALTH',
    flag: false,
    text: 'Health assessments were :value{id=HEALTH} (:change{id=HEALTH}), which is an improvement.',
  },
  {
    indicator: 'HEALTH',
    flag: true,
    text: 'Health assessments were :value{id=HEALTH} (:change{id=HEALTH}), a deterioration on last year.',
  },
  {
    indicator: 'EET',
    flag: false,
    text: 'Performance recovered from the dip in Q3 (:change{id=EET}) after two personal advisers joined the team.',
  },
  {
    indicator: 'MISSING',
    flag: true,
    text: 'The number of children going missing fell in March after the exploitation team started.',
  },
  // Counts without a counting unit, changes typed as numbers, and subjects that refer back.
  {
    indicator: 'OOA',
    flag: true,
    claim: '9',
    text: 'Placements stood at 9 at the end of March.',
  },
  {
    indicator: 'OOA',
    flag: false,
    text: 'Placements stood at 14 at the end of March.',
  },
  {
    indicator: 'OOA',
    flag: true,
    claim: '9',
    text: 'There were 9 children placed out of area.',
  },
  {
    indicator: 'OOA',
    flag: false,
    text: 'There were 14 children placed out of area.',
  },
  {
    indicator: 'OOA',
    flag: false,
    text: 'Workshops for carers stood at 12 this quarter.',
  },
  {
    indicator: 'OOA',
    flag: true,
    claim: 'rise of 9',
    text: 'This is a rise of 9 children since December.',
  },
  {
    indicator: 'OOA',
    flag: false,
    text: 'This is a rise of 2 children since December.',
  },
  {
    indicator: 'OOA',
    flag: true,
    claim: 'rose by 9',
    text: 'The figure rose by 9 this quarter.',
  },
  {
    indicator: 'OOA',
    flag: false,
    text: 'The council ran 4 training sessions, up 2 on last quarter.',
  },
  {
    indicator: 'MISSING',
    flag: false,
    text: 'This is a rise of 3 children since February.',
  },
  {
    indicator: 'MISSING',
    flag: true,
    claim: 'rise of 5',
    text: 'This is a rise of 5 children since February.',
  },
  {
    indicator: 'MISSING',
    flag: false,
    text: 'We placed 3 children with kin this month.',
  },
  {
    indicator: 'MISSING',
    flag: false,
    text: 'Referrals rose by 40 this quarter.',
  },
  {
    indicator: 'EET',
    flag: true,
    claim: '64%',
    text: 'It stood at 64% at the end of March.',
  },
  {
    indicator: 'ADOPT-DAYS',
    flag: true,
    claim: '10 days',
    text: 'The average wait rose by 10 days.',
  },
  {
    indicator: 'ADOPT-DAYS',
    flag: false,
    text: 'An increase of 38 days on last year.',
  },
  {
    indicator: 'CLA-RATE',
    flag: false,
    text: 'The rate fell by 2.5 per 10,000.',
  },
  {
    indicator: 'CLA-RATE',
    flag: true,
    claim: '4 per 10,000',
    text: 'The rate fell by 4 per 10,000.',
  },
];
