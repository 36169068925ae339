import { describe, expect, it } from 'vitest';
import type { Pair } from '../../schemas/pair.schema.ts';
import { checkPair } from '../../schemas/validators.ts';
import {
  applyTransition,
  endedEarly,
  TransitionError,
  type TransitionContext,
} from './pair-transitions.ts';

const accepted: Pair = {
  schemaVersion: 1,
  id: 'pair-aaaaaa-bbbbbb',
  cohort: '2026-2027',
  mentor: 'mentor-aaaaaa',
  mentee: 'mentee-bbbbbb',
  status: 'accepted',
  proposedBy: 'matching',
  meetingMode: 'presentiel',
  objectives: ['choisir-dernier-stage'],
  score: { total: 40, rules: [] },
  events: [
    { type: 'proposed', at: '2026-12-01T10:00:00.000Z' },
    { type: 'accepted', at: '2026-12-05T10:00:00.000Z' },
  ],
};

const context = (today: string, representativeSigns = false): TransitionContext => ({
  now: new Date(`${today}T09:30:00.000Z`),
  today,
  plannedEnd: '2027-07-09',
  acceptedOn: '2026-12-05',
  representativeSigns,
});

const signatures = { mentor: '2027-01-11', mentee: '2027-01-11', structure: '2027-01-12' };

const signed = applyTransition(accepted, { type: 'sign', signatures }, context('2027-01-12'));

describe('a pair’s lifecycle', () => {
  it('goes from accepted to under way once its convention is signed, with a date per signatory', () => {
    expect(signed.status).toBe('active');
    expect(signed.events.at(-1)).toEqual({
      type: 'signed',
      at: '2027-01-12T09:30:00.000Z',
      signatures,
    });
    expect(signed.events.slice(0, 2)).toEqual(accepted.events);
    expect(checkPair(signed).ok).toBe(true);
  });

  it('wants every signatory’s date, the representative’s for a minor only, none in the future', () => {
    const sign =
      (s: Record<string, string>, c = context('2027-01-12')) =>
      () =>
        applyTransition(accepted, { type: 'sign', signatures: s as typeof signatures }, c);
    expect(sign({ mentor: '2027-01-11', mentee: '2027-01-11' })).toThrow(
      'Indiquez la date de la signature de l’Espace Jeunes',
    );
    expect(sign(signatures, context('2027-01-12', true))).toThrow('du représentant légal');
    expect(sign({ ...signatures, representative: '2027-01-11' })).toThrow('n’est pas mineur');
    expect(sign({ ...signatures, mentor: '2027-02-01' })).toThrow('après aujourd’hui');
    expect(sign({ ...signatures, mentor: '11/01/2027' })).toThrow('AAAA-MM-JJ');
    expect(sign({ ...signatures, mentor: '2027-02-30' })).toThrow('AAAA-MM-JJ');
    expect(sign({ ...signatures, mentor: '2026-12-04' })).toThrow(
      'avant que le binôme soit accepté',
    );
    // Signed after its own planned end: no mentoring can happen (hostile review).
    expect(
      sign(
        { mentor: '2027-08-01', mentee: '2027-08-01', structure: '2027-08-01' },
        context('2027-08-02'),
      ),
    ).toThrow('alors que le mentorat devait finir le 09/07/2027');
    const minor = applyTransition(
      accepted,
      { type: 'sign', signatures: { ...signatures, representative: '2027-01-11' } },
      context('2027-01-12', true),
    );
    expect(checkPair(minor).ok).toBe(true);
  });

  it('pauses and resumes a pair under way, and refuses anything out of order, in French', () => {
    const paused = applyTransition(
      signed,
      { type: 'pause', reason: 'Examens' },
      context('2027-03-01'),
    );
    expect(paused.status).toBe('paused');
    const resumed = applyTransition(paused, { type: 'resume' }, context('2027-04-01'));
    expect(resumed.status).toBe('active');
    expect(resumed.events.map((e) => e.type)).toEqual([
      'proposed',
      'accepted',
      'signed',
      'paused',
      'resumed',
    ]);
    expect(checkPair(resumed).ok).toBe(true);
    expect(() => applyTransition(paused, { type: 'pause' }, context('2027-03-02'))).toThrow(
      'Le binôme pair-aaaaaa-bbbbbb est en pause : seul un binôme en cours peut être mis en pause.',
    );
    expect(() => applyTransition(signed, { type: 'resume' }, context('2027-03-02'))).toThrow(
      TransitionError,
    );
    expect(() => applyTransition(accepted, { type: 'pause' }, context('2027-03-02'))).toThrow(
      'accepté, sa convention pas encore signée',
    );
    expect(() =>
      applyTransition(signed, { type: 'sign', signatures }, context('2027-03-02')),
    ).toThrow('seule la convention d’un binôme accepté');
  });

  it('closes as planned on or after the planned end, or early with a reason code', () => {
    expect(() =>
      applyTransition(signed, { type: 'close', outcome: 'as-planned' }, context('2027-07-08')),
    ).toThrow('doit se terminer le 09/07/2027');
    const done = applyTransition(
      signed,
      { type: 'close', outcome: 'as-planned' },
      context('2027-07-09'),
    );
    expect(done.status).toBe('closed');
    expect(endedEarly(done)).toBe(false);
    expect(() =>
      applyTransition(
        signed,
        { type: 'close', outcome: 'early', reasonCode: 'objective-reached' },
        context('2027-07-09'),
      ),
    ).toThrow('est atteinte');
    expect(() =>
      applyTransition(accepted, { type: 'close', outcome: 'as-planned' }, context('2027-07-10')),
    ).toThrow('n’a jamais commencé');
    expect(() =>
      applyTransition(signed, { type: 'pause', reason: 'a'.repeat(301) }, context('2027-03-01')),
    ).toThrow('300 caractères');
    const early = applyTransition(
      signed,
      { type: 'close', outcome: 'early', reasonCode: 'no-longer-available' },
      context('2027-03-15'),
    );
    expect(early.events.at(-1)).toMatchObject({
      type: 'closed',
      outcome: 'early',
      reasonCode: 'no-longer-available',
    });
    expect(endedEarly(early)).toBe(true);
    expect(checkPair(early).ok).toBe(true);
    // A paused pair, or one whose convention was never signed, may end early too.
    const paused = applyTransition(signed, { type: 'pause' }, context('2027-03-01'));
    expect(
      applyTransition(
        paused,
        { type: 'close', outcome: 'early', reasonCode: 'other' },
        context('2027-03-02'),
      ).status,
    ).toBe('closed');
    expect(
      applyTransition(
        accepted,
        { type: 'close', outcome: 'early', reasonCode: 'disagreement' },
        context('2027-01-05'),
      ).status,
    ).toBe('closed');
    expect(() =>
      applyTransition(
        early,
        { type: 'close', outcome: 'early', reasonCode: 'other' },
        context('2027-03-16'),
      ),
    ).toThrow('une seconde fois');
    expect(() =>
      applyTransition(
        { ...accepted, status: 'proposed' },
        { type: 'close', outcome: 'early', reasonCode: 'other' },
        context('2027-01-05'),
      ),
    ).toThrow('/retirer');
  });
});

describe('a pair file edited by hand', () => {
  const withLast = (event: Record<string, unknown>) =>
    checkPair({ ...accepted, status: 'active', events: [...accepted.events, event] }).ok;
  it('is refused when an event lacks what its type needs, or carries what another type does', () => {
    const at = '2027-01-12T09:30:00.000Z';
    expect(withLast({ type: 'signed', at, signatures })).toBe(true);
    expect(withLast({ type: 'signed', at })).toBe(false);
    expect(withLast({ type: 'paused', at, signatures })).toBe(false);
    expect(withLast({ type: 'closed', at, outcome: 'early', reasonCode: 'other' })).toBe(true);
    expect(withLast({ type: 'closed', at, outcome: 'early' })).toBe(false);
    expect(withLast({ type: 'closed', at, outcome: 'as-planned', reasonCode: 'breach' })).toBe(
      false,
    );
    expect(withLast({ type: 'resumed', at, outcome: 'as-planned' })).toBe(false);
    expect(withLast({ type: 'paused', at, reasonCode: 'other' })).toBe(false);
    // A pair closed before issue 12 says nothing of how: still read.
    expect(withLast({ type: 'closed', at })).toBe(true);
  });
});
