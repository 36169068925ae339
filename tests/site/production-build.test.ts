import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parse, stringify } from 'yaml';
import { findPlaceholders, readSettings } from '../../schemas/read-settings.ts';
import { privacyNoticeGaps } from '../helpers/privacy-notice.ts';
import { htmlToText, normalizeText } from '../helpers/text.ts';
import { testRecipients } from '../helpers/test-keys.ts';

// Issue 8: « [À compléter : …] » values never reach a real visitor. `npm run build --
// --production` (scripts/dev/build.ts) refuses them, naming each field in French; the
// development build still works with them. Builds go to temporary folders, never to dist/.
const settingsText = readFileSync('content/programme.yaml', 'utf8');
const placeholders = findPlaceholders(readSettings(settingsText));
let scratch: string;

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'binome-build-'));
});
afterAll(async () => {
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

interface Outcome {
  code: number;
  output: string;
}

/** Runs a command of the project with extra environment variables; never throws. */
function run(command: string[], env: Record<string, string>): Promise<Outcome> {
  // The build reads BINOME_* variables (site/consts.ts): only the test's own reach it.
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('BINOME_')),
  );
  return new Promise((done) => {
    execFile(
      process.execPath,
      command,
      { env: { ...inherited, ...env }, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) =>
        done({
          code: error ? (typeof error.code === 'number' ? error.code : 1) : 0,
          output: `${stdout}\n${stderr}`,
        }),
    );
  });
}

const build = (args: string[], env: Record<string, string> = {}) =>
  run(['scripts/dev/build.ts', ...args], env);

/** The visible text of a built page, typography folded (and no space left before a full stop). */
async function page(outDir: string, file: string): Promise<string> {
  return normalizeText(htmlToText(await readFile(join(outDir, file), 'utf8'))).replace(
    / ([.,])/g,
    '$1',
  );
}

/** The programme's settings with every placeholder replaced by a plausible (synthetic) value. */
function completeSettings(): string {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- edited by path, then validated
  const data = parse(settingsText) as any;
  data.structure.address.street = '1 rue de l’Exemple';
  data.structure.hours = [{ days: 'Du mardi au samedi', hours: '14 h – 19 h' }];
  data.structure.phone = '01 23 45 67 89';
  data.structure.email = 'mentorat@example.org';
  data.structure.access = 'Bus 123, arrêt Exemple ; accès de plain-pied.';
  data.publication.director = 'Camille Exemple, directrice';
  data.dataProtection.controller.address = '2 place de l’Exemple, 92130 Issy-les-Moulineaux';
  data.dataProtection.controller.email = 'contact@example.org';
  data.dataProtection.dpo.email = 'dpo@example.org';
  data.dataProtection.dpo.address = '3 avenue de l’Exemple, 92130 Issy-les-Moulineaux';
  data.mentoring.coordinators = [
    {
      id: 'coordination',
      name: 'Camille Exemple',
      email: 'mentorat@example.org',
      phone: '01 23 45 67 89',
    },
  ];
  data.encryption.recipients = testRecipients.map((key, i) => ({
    name: i === 0 ? 'Coordination' : 'Sauvegarde',
    key,
  }));
  const text = stringify(data);
  expect(findPlaceholders(readSettings(text))).toEqual([]);
  return text;
}

describe('a production build', () => {
  it('refuses settings that still hold placeholders, naming each field in French, before building', async () => {
    const outDir = join(scratch, 'refused');
    const { code, output } = await build(['--production', '--outDir', outDir]);
    expect(code).toBe(1);
    expect(output).toContain('Construction de production refusée.');
    expect(output).toContain(
      `content/programme.yaml contient encore ${placeholders.length} valeurs « [À compléter : …] »`,
    );
    expect(placeholders.length).toBeGreaterThan(5);
    for (const { field, text } of placeholders) {
      const what = text.replace(/^\[À compléter[ \u00a0]: |\]$/g, '');
      expect(output).toContain(`- « ${field} » : ${what}`);
    }
    expect(existsSync(outDir), 'nothing was built').toBe(false);
  });

  it('is refused by the site itself too, should Astro be run directly with BINOME_PRODUCTION=1', async () => {
    // site/consts.ts reads its environment when the build first imports it.
    vi.resetModules();
    vi.stubEnv('BINOME_PRODUCTION', '1');
    vi.stubEnv('BINOME_SETTINGS_FILE', '');
    try {
      await expect(import('../../site/consts.ts')).rejects.toThrow(
        /contient encore \d+ valeurs[\s\S]*« structure\.address\.street » : numéro et rue/,
      );
      vi.stubEnv('BINOME_PRODUCTION', '');
      vi.resetModules();
      await expect(import('../../site/consts.ts')).resolves.toHaveProperty('settings');
    } finally {
      vi.unstubAllEnvs();
      vi.resetModules();
    }
  });

  it('builds once every value is filled in, with no placeholder on any page', async () => {
    const outDir = join(scratch, 'production');
    const settingsFile = join(scratch, 'complete.yaml');
    await writeFile(settingsFile, completeSettings());
    // A day after every cohort's applications have closed.
    const { code, output } = await build(['--production', '--outDir', outDir], {
      BINOME_SETTINGS_FILE: settingsFile,
      BINOME_TODAY: '2030-01-01',
    });
    expect(code, output).toBe(0);
    const files = (await readdir(outDir, { recursive: true })).filter((f) => f.endsWith('.html'));
    expect(files.length).toBeGreaterThanOrEqual(14);
    for (const file of files) expect(await page(outDir, file), file).not.toContain('À compléter');
    const contact = await page(outDir, 'contact/index.html');
    expect(contact).toContain('Téléphone : 01 23 45 67 89');
    expect(contact).toContain("1 rue de l'Exemple");
    expect(await page(outDir, 'index.html')).toContain(
      "Aucune nouvelle cohorte n'est encore programmée. Vous pouvez tout de même candidater",
    );
  });
});

describe('a development build', () => {
  it('still works with placeholders, and still says how to reach someone', async () => {
    const outDir = join(scratch, 'development');
    // Between the first cohort's closing (11 December) and the second one's opening.
    const { code, output } = await build(['--outDir', outDir], { BINOME_TODAY: '2026-12-20' });
    expect(code, output).toBe(0);
    // The legal pages show what is still to fill in, for the structure to see.
    expect(await page(outDir, 'mentions-legales/index.html')).toContain('[À compléter');
    // Where people look for a way to reach the Espace Jeunes, the name, the town and the
    // contact page stand in for the missing details.
    const contact = await page(outDir, 'contact/index.html');
    expect(contact).not.toContain('À compléter');
    expect(contact).toContain(
      "En attendant, adressez-vous à l'accueil de l'Espace Jeunes Anne Frank, à Issy-les-Moulineaux",
    );
    const home = await page(outDir, 'index.html');
    expect(home).toContain('Prochaine cohorte : année scolaire 2027-2028');
    expect(home).toContain(
      'Candidatures du 3 mai 2027 au 2 juillet 2027 ; début du mentorat le 20 septembre 2027. Vous pouvez déjà candidater : votre candidature sera gardée pour cette cohorte.',
    );
    expect(await page(outDir, 'candidature-recue/index.html')).toContain(
      "Votre candidature est gardée pour cette cohorte : elle sera étudiée dès l'ouverture des candidatures.",
    );
  });
});

// Issue 10: the privacy notice takes its processors, transfers and periods from the settings
// alone. Built from settings where each differs from content/programme.yaml (a host in the EEA,
// other periods, no statistics kept), it says the new ones and none of the old.
describe('the privacy notice', () => {
  it('follows other settings: their processors, their transfers only, their periods', async () => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- edited by path, then validated
    const data = parse(settingsText) as any;
    const inEurope = { country: 'France', transferFramework: null };
    data.publication.host = {
      ...data.publication.host,
      ...inEurope,
      name: 'Hébergeur Exemple SAS',
      role: 'héberge les pages de ce site',
      address: '4 rue de l’Exemple, 75002 Paris, France',
      website: 'https://hebergeur.example/',
    };
    data.dataProtection.processors[0] = {
      ...inEurope,
      name: 'Serveur Exemple SARL',
      role: 'fait fonctionner le service qui reçoit les candidatures',
      address: '5 rue de l’Exemple, 69002 Lyon, France',
      website: 'https://serveur.example/',
    };
    data.dataProtection.retention = {
      applicationWithoutPairMonths: 7,
      afterMentoringEndsMonths: 30,
      anonymisedStatistics: false,
    };
    const text = stringify(data);
    const settings = readSettings(text);
    const settingsFile = join(scratch, 'other-processors.yaml');
    await writeFile(settingsFile, text);
    const outDir = join(scratch, 'other-processors');
    const { code, output } = await build(['--outDir', outDir], {
      BINOME_SETTINGS_FILE: settingsFile,
    });
    expect(code, output).toBe(0);
    const html = await readFile(join(outDir, 'donnees-personnelles/index.html'), 'utf8');
    expect(privacyNoticeGaps(html, settings)).toEqual([]);
    const notice = await page(outDir, 'donnees-personnelles/index.html');
    expect(notice).not.toMatch(/Cloudflare|GitHub Pages|12 mois|24 mois|sans limite de durée/);
  });
});
