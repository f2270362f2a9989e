// A specialist with a title, their working medical-necessity denial with a drafted level-1 appeal whose letter can
// be drafted (support/test-data.ts draftedAppeal), and a medical-necessity template of this test's own.
import type { TestData } from './test-data';

export async function appealReadyForLetter(data: TestData) {
  const team = await data.team();
  const specialist = await data.person('specialist', { team, title: 'Denial specialist' });
  const denial = await data.denial({ owner: specialist, status: 'in_progress', category: 'medical_necessity' });
  const template = await data.template({ category: 'medical_necessity' });
  const appeal = await data.draftedAppeal(denial);
  return { specialist, denial, template, appeal };
}
