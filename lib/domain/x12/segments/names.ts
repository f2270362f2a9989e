// NM1 in loop 2100: QC patient, IL insured, 74 corrected patient/insured, 82 rendering provider,
// PR corrected priority payer (and TT crossover carrier, GB other subscriber, skipped) — 005010X221A1.
import type { SegmentView } from '../segment';
import type { Patient, Provider } from '../types';

/** NM103 last, NM104 first, NM105 middle, NM108 id qualifier, NM109 id (the member id for QC/IL). */
export function readPatient(view: SegmentView): Patient {
  const id = view.trimmed(9);
  return {
    last: view.trimmed(3),
    first: view.trimmed(4),
    middle: view.trimmed(5),
    idQualifier: view.intern(8),
    id,
    memberId: id,
  };
}

/** NM102 1 = person (name from NM104 + NM103), 2 = organisation (NM103); NM108 XX = NPI. */
export function readProvider(view: SegmentView): Provider {
  const entityType = view.intern(2);
  const last = view.trimmed(3);
  const first = view.trimmed(4);
  const idQualifier = view.intern(8);
  const id = view.trimmed(9);
  return {
    name: entityType === '1' && first !== null ? (last === null ? first : `${first} ${last}`) : last,
    entityType,
    idQualifier,
    id,
    npi: idQualifier === 'XX' ? id : null,
  };
}
