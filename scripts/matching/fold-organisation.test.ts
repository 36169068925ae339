import { describe, expect, it } from 'vitest';
import { foldOrganisation } from './fold-organisation.ts';

describe('foldOrganisation', () => {
  it.each([
    ['Société Générale S.A.', 'societe generale'],
    ['SOCIETE GENERALE', 'societe generale'],
    ['Société  générale, SA', 'societe generale'],
    ['Dupont & Cie', 'dupont'],
    ['Dupont et Cie SARL', 'dupont'],
    ['L’Oréal', 'l oreal'],
    ["L'OREAL S.A.S.", 'l oreal'],
    ['Université Paris-Saclay', 'universite paris saclay'],
    ['ACME Inc.', 'acme'],
    ['Ｅｃｏｌｅ', 'ecole'],
    ['SAS', ''],
    ['', ''],
  ])('%s -> %s', (name, folded) => {
    expect(foldOrganisation(name)).toBe(folded);
  });

  it('keeps names apart that only share a legal form or a word', () => {
    expect(foldOrganisation('Dupont SA')).not.toBe(foldOrganisation('Durand SA'));
    expect(foldOrganisation('Sanofi')).not.toBe(foldOrganisation('Sanofi Pasteur'));
  });
});
