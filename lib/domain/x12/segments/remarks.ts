// Remark codes (RARC): MOA03-07 (outpatient adjudication), MIA05 and MIA20-23 (inpatient adjudication) at claim
// level; LQ at line level, where LQ01 = HE means a RARC and RX an NCPDP reject code — 005010X221A1.
import { appended } from '../lists';
import { codeOf } from '../codes';
import type { SegmentView } from '../segment';
import type { RemarkCode } from '../types';

const HE = codeOf('HE');
const RX = codeOf('RX');
const MOA_REMARKS = [3, 4, 5, 6, 7];
const MIA_REMARKS = [5, 20, 21, 22, 23];

type Remarked = { remarkCodes: readonly RemarkCode[] };

function addRemarks(view: SegmentView, elements: number[], source: 'MOA' | 'MIA', owner: Remarked): void {
  for (const k of elements) {
    const code = view.intern(k);
    if (code !== null) owner.remarkCodes = appended(owner.remarkCodes, { code, source, list: 'RARC' });
  }
}

export function readOutpatientRemarks(view: SegmentView, claim: Remarked): void {
  addRemarks(view, MOA_REMARKS, 'MOA', claim);
}

export function readInpatientRemarks(view: SegmentView, claim: Remarked): void {
  addRemarks(view, MIA_REMARKS, 'MIA', claim);
}

export function readLineRemark(view: SegmentView, line: Remarked): void {
  const qualifier = view.code(1);
  if (qualifier !== HE && qualifier !== RX) view.reject('value', 1, 'a code list qualifier (HE or RX)');
  const code = view.intern(2) ?? view.reject('value', 2, 'a remark code');
  line.remarkCodes = appended(line.remarkCodes, { code, source: 'LQ', list: qualifier === HE ? 'RARC' : 'NCPDP' });
}
