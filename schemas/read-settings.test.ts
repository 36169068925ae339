import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { stringify, parse } from 'yaml';
import {
  findPlaceholders,
  isPlaceholder,
  PlaceholdersError,
  readSettings,
  refusePlaceholders,
  SettingsError,
} from './read-settings.ts';

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

  it('refuses a cohort whose applications close outside their window, or that ends before it starts', () => {
    const broken = withChange((s) => {
      s.cohorts[0].applicationsClose = s.cohorts[0].start.replace(/-\d\d$/, '-31');
      s.cohorts[1].applicationsClose = '2027-05-02';
      s.cohorts[1].end = '2027-09-19';
    });
    expect(() => readSettings(broken)).toThrowErrorMatchingInlineSnapshot(`
      [SettingsError: content/programme.yaml contient 3 erreurs :
        - « cohorts.0.applicationsClose » : la clôture des candidatures (2027-01-31) doit tomber entre leur ouverture (2026-11-02) et le début de la cohorte (2027-01-11)
        - « cohorts.1.applicationsClose » : la clôture des candidatures (2027-05-02) doit tomber entre leur ouverture (2027-05-03) et le début de la cohorte (2027-09-20)
        - « cohorts.1.end » : la fin de la cohorte (2027-09-19) précède son début (2027-09-20)
      Corrigez ce fichier puis relancez la construction du site.]
    `);
    const sameDays = withChange((s) => {
      s.cohorts[0].applicationsClose = s.cohorts[0].start;
      s.cohorts[1].applicationsClose = s.cohorts[1].applicationsOpen;
    });
    expect(() => readSettings(sameDays)).not.toThrow();
  });

  it('asks for every cohort’s closing date and for the delay promised on the receipt', () => {
    const missing = withChange((s) => {
      delete s.cohorts[1].applicationsClose;
      s.intake.answerWithinDays = 0;
    });
    expect(() => readSettings(missing)).toThrowErrorMatchingInlineSnapshot(`
      [SettingsError: content/programme.yaml contient 2 erreurs :
        - « cohorts.1.applicationsClose » : ce champ est obligatoire
        - « intake.answerWithinDays » : doit être supérieur ou égal à 1
      Corrigez ce fichier puis relancez la construction du site.]
    `);
  });

  it('names the processors the privacy notice lists, the intake’s host and GitHub (issue 10)', () => {
    const { publication, dataProtection } = readSettings(text);
    expect(publication.host.name).toBe('GitHub, Inc. (GitHub Pages)');
    expect(dataProtection.processors.map((p) => [p.name, p.country])).toEqual([
      ['Cloudflare, Inc. (Cloudflare Workers)', 'États-Unis'],
      ['GitHub, Inc.', 'États-Unis'],
    ]);
    for (const host of [publication.host, ...dataProtection.processors])
      expect(host.transferFramework, host.name).toHaveLength(2);
  });

  it('asks what frames a transfer exactly for the hosts outside the EEA', () => {
    const broken = withChange((s) => {
      s.dataProtection.processors[0].transferFramework = null;
      s.dataProtection.processors[1].country = 'Irlande';
      s.publication.host.country = 'Republique tcheque';
      s.publication.host.transferFramework = null;
    });
    expect(() => readSettings(broken)).toThrowErrorMatchingInlineSnapshot(`
      [SettingsError: content/programme.yaml contient 3 erreurs :
        - « publication.host.transferFramework » : « Republique tcheque » est hors de l’Espace économique européen : dites ce qui encadre le transfert des données (une décision d’adéquation, des clauses contractuelles types), ou écrivez le pays comme « France » ou « Irlande » s’il en fait partie
        - « dataProtection.processors.0.transferFramework » : « États-Unis » est hors de l’Espace économique européen : dites ce qui encadre le transfert des données (une décision d’adéquation, des clauses contractuelles types), ou écrivez le pays comme « France » ou « Irlande » s’il en fait partie
        - « dataProtection.processors.1.transferFramework » : « Irlande » est dans l’Espace économique européen : aucun transfert n’y est à encadrer, écrivez null
      Corrigez ce fichier puis relancez la construction du site.]
    `);
    const inEurope = withChange((s) => {
      s.dataProtection.processors[1] = {
        ...s.dataProtection.processors[1],
        country: 'république tchèque',
        transferFramework: null,
      };
    });
    expect(() => readSettings(inEurope)).not.toThrow();
  });

  it('wants at least one processor, each complete', () => {
    const broken = withChange((s) => {
      delete s.dataProtection.processors[1].role;
      s.dataProtection.processors[1].website = 'http://github.com/';
      s.dataProtection.processors[0].transferFramework = [];
      s.publication.host.contry = 'États-Unis';
    });
    expect(() => readSettings(broken)).toThrowErrorMatchingInlineSnapshot(`
      [SettingsError: content/programme.yaml contient 4 erreurs :
        - « publication.host.contry » : ce champ n’est pas prévu (faute de frappe ?)
        - « dataProtection.processors.0.transferFramework » : n’a pas le format attendu
        - « dataProtection.processors.1.role » : ce champ est obligatoire
        - « dataProtection.processors.1.website » : n’a pas le format attendu
      Corrigez ce fichier puis relancez la construction du site.]
    `);
    const none = withChange((s) => {
      s.dataProtection.processors = [];
    });
    expect(() => readSettings(none)).toThrow(
      /« dataProtection\.processors » : doit contenir au moins 1 élément/,
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

describe('refusePlaceholders (production builds)', () => {
  it('names, in French, every value still to fill in', () => {
    const settings = readSettings(text);
    expect(() => refusePlaceholders(settings)).toThrowErrorMatchingInlineSnapshot(`
      [PlaceholdersError: content/programme.yaml contient encore 16 valeurs « [À compléter : …] », qu’un site public ne peut pas afficher :
        - « structure.address.street » : numéro et rue de l’Espace Jeunes Anne Frank
        - « structure.hours.0.days » : jours d’ouverture
        - « structure.hours.0.hours » : horaires
        - « structure.phone » : téléphone de l’Espace Jeunes
        - « structure.email » : adresse électronique du programme
        - « structure.access » : transports en commun et accès pour les personnes à mobilité réduite
        - « publication.director » : nom et fonction du directeur de la publication
        - « dataProtection.controller.address » : adresse postale du siège du CLAVIM
        - « dataProtection.controller.email » : adresse de contact du responsable de traitement
        - « dataProtection.dpo.email » : adresse électronique du délégué à la protection des données
        - « dataProtection.dpo.address » : adresse postale du délégué à la protection des données
        - « mentoring.coordinators.0.name » : prénom et nom de la coordinatrice ou du coordinateur
        - « mentoring.coordinators.0.email » : adresse électronique de la coordination
        - « mentoring.coordinators.0.phone » : téléphone de la coordination
        - « encryption.recipients.0.key » : clé publique age de la coordination (age1…)
        - « encryption.recipients.1.key » : clé publique age de la sauvegarde hors ligne (age1…)
      Remplacez chacune par la vraie information, puis relancez la construction du site.]
    `);
  });

  it('lets complete settings through, and counts one value in the singular', () => {
    const complete = readSettings(withChange(fillIn));
    expect(findPlaceholders(complete)).toEqual([]);
    expect(() => refusePlaceholders(complete)).not.toThrow();
    const one = readSettings(
      withChange((s) => {
        fillIn(s);
        s.publication.director = '[À compléter : directeur]';
      }),
    );
    let error: unknown;
    try {
      refusePlaceholders(one, 'autre.yaml');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(PlaceholdersError);
    expect((error as PlaceholdersError).message).toMatch(
      /^autre\.yaml contient encore une valeur /,
    );
    expect((error as PlaceholdersError).placeholders).toEqual([
      { field: 'publication.director', text: '[À compléter : directeur]' },
    ]);
  });

  it('tells a placeholder from a real value', () => {
    expect(isPlaceholder('[À compléter : horaires]')).toBe(true);
    expect(isPlaceholder('[À compléter\u00a0: horaires]')).toBe(true);
    expect(isPlaceholder('01 23 45 67 89')).toBe(false);
    expect(isPlaceholder(undefined)).toBe(false);
  });
});

/** Replaces every placeholder of the settings by a plausible (synthetic) value. */
function fillIn(s: Loose): void {
  s.structure.address.street = '1 rue de l’Exemple';
  s.structure.hours = [{ days: 'Du mardi au samedi', hours: '14 h – 19 h' }];
  s.structure.phone = '01 23 45 67 89';
  s.structure.email = 'mentorat@example.org';
  s.structure.access = 'Bus 123, arrêt Exemple ; accès de plain-pied.';
  s.publication.director = 'Camille Exemple, directrice';
  s.dataProtection.controller.address = '2 place de l’Exemple, 92130 Issy-les-Moulineaux';
  s.dataProtection.controller.email = 'contact@example.org';
  s.dataProtection.dpo.email = 'dpo@example.org';
  s.dataProtection.dpo.address = '3 avenue de l’Exemple, 92130 Issy-les-Moulineaux';
  s.mentoring.coordinators = [{ id: 'coordination', name: 'Camille Exemple' }];
  s.encryption.recipients[0]!.key =
    'age12nuxcf4f58lsqx4zx9vujrmlsy0cxxr3cdy60jl8kgq683c9fstsmk7lh4';
  s.encryption.recipients[1]!.key =
    'age13mu4305shlfthr73gx5nu2av9znmy87en9hun2nv6ng86g9qpvasv9s6qe';
}
