import { describe, expect, it } from 'vitest';
import { type DenialMoney, applyLaterClaim, statusAfterMoney } from '@/lib/domain/remit-recovery';

const open = (deniedCents: number, recoveredCents = 0, overpaidCents = 0): DenialMoney => ({
  status: 'in_progress', deniedCents, recoveredCents, overpaidCents, owned: true, reversed: false,
});
const claim = (paidCents: number, extra: { isReversal?: boolean; isWork?: boolean } = {}) => ({ paidCents, isReversal: false, isWork: false, ...extra });

describe('a later claim for a denied claim', () => {
  it('that pays the denied amount resolves it as paid', () => {
    expect(applyLaterClaim(open(25000), claim(25000))).toEqual({ kind: 'payment', amountCents: 25000, next: { ...open(25000, 25000), status: 'resolved_paid' } });
  });

  it('that pays less resolves it as partially paid with the amount', () => {
    expect(applyLaterClaim(open(25000), claim(10000)).next).toMatchObject({ status: 'resolved_partial', recoveredCents: 10000 });
  });

  it('that pays more than was denied is paid; the excess is an overpayment, not a recovery', () => {
    const effect = applyLaterClaim(open(62400), claim(90000));
    expect(effect).toMatchObject({ kind: 'payment', amountCents: 90000, next: { status: 'resolved_paid', recoveredCents: 62400, overpaidCents: 27600 } });
  });

  it('a partial payment then one that goes past the denied amount: recovered stops at the denied amount', () => {
    const partial = { ...open(5000, 2000), status: 'resolved_partial' as const };
    expect(applyLaterClaim(partial, claim(4000)).next).toMatchObject({ status: 'resolved_paid', recoveredCents: 5000, overpaidCents: 1000 });
  });

  it('a reversal of an overpaid payment takes the overpayment back first, then the recovery', () => {
    const overpaid = { ...open(5000, 5000, 1000), status: 'resolved_paid' as const };
    const effect = applyLaterClaim(overpaid, claim(-6000, { isReversal: true }));
    expect(effect.next).toMatchObject({ status: 'assigned', recoveredCents: 0, overpaidCents: 0, reversed: true });
    const corrected = applyLaterClaim(effect.next, claim(5000));
    expect(corrected.next).toMatchObject({ status: 'resolved_paid', recoveredCents: 5000, overpaidCents: 0 });
  });

  it('reversed takes the payment back and reopens it to its owner when nothing is left', () => {
    const paid = { ...open(5000, 5000), status: 'resolved_paid' as const };
    const effect = applyLaterClaim(paid, claim(-5000, { isReversal: true }));
    expect(effect).toEqual({ kind: 'reversal', amountCents: -5000, next: { ...paid, status: 'assigned', recoveredCents: 0, reversed: true } });
  });

  it('reversed with unsigned amounts still takes the money back', () => {
    expect(applyLaterClaim({ ...open(5000, 5000), status: 'resolved_paid' }, claim(5000, { isReversal: true }))).toMatchObject({ kind: 'reversal', amountCents: -5000 });
  });

  it('counts a reversal and its correction once: 250 paid, reversed, 200 paid = 200 recovered', () => {
    let state: DenialMoney = { ...open(25000, 25000), status: 'resolved_paid' };
    state = applyLaterClaim(state, claim(-25000, { isReversal: true })).next;
    const correction = applyLaterClaim(state, claim(20000));
    expect(correction).toMatchObject({ kind: 'payment', amountCents: 20000, next: { status: 'resolved_partial', recoveredCents: 20000, reversed: false } });
  });

  it('recovers only the new money when the reversal takes back the denied claim’s own partial payment', () => {
    let state = open(70000);
    state = applyLaterClaim(state, claim(-12000, { isReversal: true })).next;
    expect(state).toMatchObject({ recoveredCents: -12000, status: 'in_progress' });
    expect(applyLaterClaim(state, claim(82000)).next).toMatchObject({ recoveredCents: 70000, status: 'resolved_paid' });
  });

  it('ignores the same payment sent again once paid in full', () => {
    const paid = { ...open(5000, 5000), status: 'resolved_paid' as const };
    expect(applyLaterClaim(paid, claim(5000))).toEqual({ kind: 'none', next: paid });
  });

  it('adds a later payment to a partially paid denial', () => {
    const partial = { ...open(5000, 2000), status: 'resolved_partial' as const };
    expect(applyLaterClaim(partial, claim(3000)).next).toMatchObject({ status: 'resolved_paid', recoveredCents: 5000 });
  });

  it('records money arriving after a write-off without undoing the write-off', () => {
    const writtenOff = { ...open(5000), status: 'written_off' as const };
    expect(applyLaterClaim(writtenOff, claim(5000)).next).toMatchObject({ status: 'written_off', recoveredCents: 5000 });
  });

  it('denied again is a repeat while open, new work once the first is closed', () => {
    expect(applyLaterClaim(open(5000), claim(0, { isWork: true })).kind).toBe('repeat_denial');
    expect(applyLaterClaim({ ...open(5000), status: 'written_off' }, claim(0, { isWork: true })).kind).toBe('new_denial');
  });

  it('with nothing paid and nothing denied changes nothing', () => {
    expect(applyLaterClaim(open(5000), claim(0)).kind).toBe('none');
  });
});

describe('the status money leaves a denial in', () => {
  it.each([
    ['new', 100, 100, 'resolved_paid'],
    ['appealed', 99, 100, 'resolved_partial'],
    ['resolved_partial', 0, 100, 'new'],
    ['in_progress', 0, 100, 'in_progress'],
    ['written_off', 100, 100, 'written_off'],
  ] as const)('from %s with %i of %i recovered: %s', (from, recovered, denied, to) => {
    expect(statusAfterMoney(from, recovered, denied, false)).toBe(to);
  });
});
