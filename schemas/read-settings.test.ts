import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { stringify, parse } from 'yaml';
import { findPlaceholders, readSettings, SettingsError } from './read-settings.ts';

const text = readFileSync('content/programme.yaml', 'utf8');

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests break the settings on purpose
type Loose = any;

function withChange(change: (settings: Loose) => void): string {
  const data: unknown = parse(text);
  change(data);
  return stringify(data);
}

describe('readSettings', () => {
  it('accepts the programme’s own settings', () => {
    const settings = readSettings(text);
    expect(settings.structure.shortName).toBe('Espace Jeunes Anne Frank');
    expect(settings.eligibility.postalCodes).toEqual(['92130']);
  });

  it('names each faulty field in French', () => {
    const broken = withChange((s) => {
      s.structure.address.postalCode = '9213';
      delete s.dataProtection.dpo.email;
      s.mentoring.minimumDurationMonths = 0;
      s.accessibility.status = 'conforme';
      s.structure.emial = 'x@y.fr';
    });
    expect(() => readSettings(broken)).toThrowErrorMatchingInlineSnapshot(`
      [SettingsError: content/programme.yaml contient 5 erreurs :
        - « structure.emial » : ce champ n’est pas prévu (faute de frappe ?)
        - « structure.address.postalCode » : n’a pas le format attendu
        - « dataProtection.dpo.email » : ce champ est obligatoire
        - « mentoring.minimumDurationMonths » : doit être supérieur ou égal à 1
        - « accessibility.status » : doit valoir l’une des valeurs suivantes : "non-conforme", "partiellement-conforme", "totalement-conforme"
      Corrigez ce fichier puis relancez la construction du site.]
    `);
  });

  it('reports one message for a field that may take several shapes', () => {
    const broken = withChange((s) => {
      s.structure.email = 'pas une adresse';
    });
    let error: unknown;
    try {
      readSettings(broken);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(SettingsError);
    expect((error as SettingsError).problems).toEqual([
      { field: 'structure.email', message: 'n’a pas le format attendu' },
    ]);
  });

  it('proposes ages and a time zone for the structure to confirm', () => {
    const settings = readSettings(text);
    expect(settings.eligibility.ages).toEqual({
      mentee: { min: 16, max: 30 },
      mentor: { min: 18, max: 75 },
    });
    expect(settings.structure.timeZone).toBe('Europe/Paris');
  });

  it('refuses ages out of order, a minor mentor and a time zone that does not exist', () => {
    const reversed = withChange((s) => {
      s.eligibility.ages.mentee = { min: 26, max: 18 };
      s.structure.timeZone = 'Europe/Issy';
    });
    expect(() => readSettings(reversed)).toThrowErrorMatchingInlineSnapshot(`
      [SettingsError: content/programme.yaml contient 2 erreurs :
        - « eligibility.ages.mentee » : l’âge minimum (26 ans) dépasse l’âge maximum (18 ans)
        - « structure.timeZone » : fuseau horaire inconnu : écrivez-le comme « Europe/Paris » ou « America/Cayenne »
      Corrigez ce fichier puis relancez la construction du site.]
    `);
    const minor = withChange((s) => {
      s.eligibility.ages.mentor.min = 17;
      s.structure.timeZone = 'Paris';
    });
    expect(() => readSettings(minor)).toThrowErrorMatchingInlineSnapshot(`
      [SettingsError: content/programme.yaml contient 2 erreurs :
        - « structure.timeZone » : n’a pas le format attendu
        - « eligibility.ages.mentor.min » : doit être supérieur ou égal à 18
      Corrigez ce fichier puis relancez la construction du site.]
    `);
  });

  it('bounds the mentor capacity by what the mentor form can offer', () => {
    const tooMany = withChange((s) => {
      s.mentoring.mentorCapacityMax = 11;
    });
    expect(() => readSettings(tooMany)).toThrow(
      /mentoring.mentorCapacityMax.*inférieur ou égal à 10/,
    );
  });

  it('explains unreadable YAML instead of crashing', () => {
    expect(() => readSettings('site: [unclosed')).toThrow(/le YAML est illisible/);
  });
});

describe('findPlaceholders', () => {
  it('lists the values still to fill in, with their field', () => {
    const found = findPlaceholders(readSettings(text));
    expect(found.map((p) => p.field)).toContain('structure.address.street');
    expect(found.every((p) => /^\[À compléter[ \u00a0]: /.test(p.text))).toBe(true);
  });
});
