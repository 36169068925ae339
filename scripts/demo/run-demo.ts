import { lstat, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { solveChallenge, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import { folders } from '../../schemas/data-layout.ts';
import type { Pair } from '../../schemas/pair.schema.ts';
import { formRoutes } from '../../schemas/form-routes.ts';
import type { ProgrammeSettings } from '../../schemas/programme.schema.ts';
import { readConventionAssets } from '../commands/convention-assets.ts';
import { conventionFolder } from '../commands/convention-folder.ts';
import { folderDelivery } from '../commands/delivery.ts';
import type { Progress } from '../commands/progress.ts';
import { runConventions } from '../commands/run-conventions.ts';
import { runFollowUp } from '../commands/run-followup.ts';
import { runMatch } from '../commands/run-match.ts';
import { runPair } from '../commands/run-pair.ts';
import { runReport } from '../commands/run-report.ts';
import { runScreen } from '../commands/run-screen.ts';
import { createLocalApp } from '../http/create-local-app.ts';
import type { Handler } from '../http/listen.ts';
import { newId } from '../intake/new-id.ts';
import { parseIdentities } from '../privacy/age-identities.ts';
import { ensureLocalKeyPair } from '../privacy/local-key-pair.ts';
import { reportRulesFrom } from '../reporting/report-settings.ts';
import { dataRepositoryFiles } from '../setup/data-repository-files.ts';
import { LocalGitStore } from '../store/local-git-store.ts';
import { readRecords } from '../store/read-records.ts';
import { digestFingerprint, repositoryDigest } from './repository-digest.ts';
import { seededRandom } from '../dev/matching-people.ts';
import { demoPeople, type DemoPerson, type FormEntries } from './demo-people.ts';
import { months, pairLives, pauseMonth, screeningFates, type PairLife } from './demo-plan.ts';

// `npm run demo` (issue 16): a whole synthetic programme, run through the real pipeline on a
// fresh local data repository, on a simulated calendar. Every step is what a person or a job
// does: forms posted to the intake the site serves, the coordinators' commands, the weekly
// follow-up, the programme's report. Only the clock is the demo's: each step is dated, and so is
// each commit, so that `git log` tells the year as it went.

export interface DemoOptions {
  /** The demo's folder: its data repository, key, conventions, sheets and report copies. */
  directory: string;
  mentors: number;
  mentees: number;
  seed: number;
  settings: ProgrammeSettings;
  /** The built site (dist/), whose pages the intake answers with. */
  siteRoot: string;
  /** One line of the demo's story (a step, where to look). */
  say: (line: string) => void;
  /** Progress within a long step. */
  progress: Progress;
  /** Prints the programme report's PDF, or undefined when this machine has no browser. */
  pdf: (html: string) => Promise<Uint8Array | undefined>;
}

export interface DemoOutcome {
  dataDirectory: string;
  keyFile: string;
  applications: number;
  pairs: number;
  conventions: number;
  checkIns: number;
  followUpFile: string;
  reportFolder: string;
  store: LocalGitStore;
  recipient: string;
  /** The demo's calendar, running on from its last day: the clock to serve the demo with. */
  clock: () => Date;
  /** The repository's content, line by line (see repositoryDigest), and its fingerprint. */
  digest: string[];
  fingerprint: string;
  /** How long each step took, in milliseconds. */
  durations: number[];
}

/** A step of the demo failed: what and why, in French, never what a form held. */
export class DemoError extends Error {
  override name = 'DemoError';
}

/** The file that marks a folder as the demo's own, which a new demo may therefore replace. */
export const demoMarker = '.binome-demo';

const origin = 'http://127.0.0.1:4321';

/** The code of the intake's last log line, to say why a form was refused. */
const lastLog = { code: '' };

/** A day and time of the demo's calendar, in UTC (the structure is in Paris: mornings). */
const at = (day: string, time = '09:00') => new Date(`${day}T${time}:00.000Z`);

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

const addDays = (day: string, days: number) =>
  isoDay(new Date(Date.parse(`${day}T12:00:00Z`) + days * 86_400_000));

/** `2027-02-08` → `08/02/2027`, as the forms ask. */
const frenchDay = (day: string) => day.split('-').reverse().join('/');

/** The day of month `m` (1 = February … 5 = June) of the cohort's second year. */
const dayOfMonth = (year: number, m: number, day: number) =>
  `${year}-${String(m + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

/**
 * Runs the whole demo; see the file's comment. The folder is made anew: a folder that exists and
 * is not an earlier demo's is refused, never emptied.
 */
export async function runDemo(options: DemoOptions): Promise<DemoOutcome> {
  const { settings, say } = options;
  const directory = resolve(options.directory);
  const cohort = settings.cohorts[0];
  if (!cohort) throw new DemoError('Les réglages ne définissent aucune cohorte (« cohorts »).');
  const year = Number(cohort.start.slice(0, 4));
  await freshFolder(directory);
  const dataDirectory = join(directory, 'data');
  const keyFile = join(directory, 'data-coordination-key.txt');
  const documents = join(directory, 'documents');
  const conventionsDirectory = join(directory, 'conventions');
  const random = seededRandom(options.seed);
  const bytes = (count: number) =>
    Uint8Array.from({ length: count }, () => Math.floor(random() * 256));

  // The calendar: every step and every commit is dated by it.
  let now = at(cohort.applicationsOpen);
  // Once the half-year is over, the calendar runs on from its last instant, in real time: the
  // served site and desk then act on the demo's data as on its day, never before its history.
  const running: { since?: number } = {};
  const clock = () =>
    running.since === undefined ? now : new Date(now.getTime() + performance.now() - running.since);
  const moveTo = (time: Date) => {
    now = time;
  };
  const later = (ms: number) => moveTo(new Date(now.getTime() + ms));
  const setDay = (day: string, time = '09:00') => moveTo(at(day, time));
  setDay(addDays(cohort.applicationsOpen, -7));

  const steps = 9;
  let step = 0;
  // Each step's duration (a monotonic clock, not the demo's calendar), said at the end.
  const durations: number[] = [];
  let stepStarted = performance.now();
  const title = (text: string) => {
    if (step > 0) durations.push(performance.now() - stepStarted);
    stepStarted = performance.now();
    say(`\n[${++step}/${steps}] ${text}`);
  };

  title('Le dépôt de données et la clé de la coordination');
  const store = new LocalGitStore(dataDirectory, { clock });
  await store.ready();
  const { recipient } = await ensureLocalKeyPair(keyFile, clock);
  const { readFile } = await import('node:fs/promises');
  const identities = parseIdentities(await readFile(keyFile, 'utf8'), keyFile);
  await store.commit(
    dataRepositoryFiles({
      project: 'clavim/binome',
      ref: 'v0.1.0',
      matching: { cohorts: settings.cohorts.map((c) => c.id), cron: null },
      reports: { cron: reportRulesFrom(settings).schedule },
    }),
    'Set up the data repository for Binôme',
  );
  say(`  dépôt de données : ${dataDirectory} (git -C ${dataDirectory} log --stat)`);
  say(`  clé de la coordination : ${keyFile} (elle seule ouvre les identités)`);
  say(
    `  guide des coordinateurs : README.md du dépôt (git -C ${dataDirectory} show main:README.md)`,
  );

  // Ids are the intake's own, drawn from the demo's generator so that a second run repeats them.
  const app: Handler = await createLocalApp({
    root: options.siteRoot,
    store,
    settings,
    origin,
    secret: 'binome-demo-secret-for-proofs-of-work-0000',
    clock,
    recipients: [recipient],
    newId: (kind) => newId(kind, (max) => Math.floor(random() * max)),
    // The intake's log lines carry codes only (never what a form held): kept for a refusal.
    log: (entry) => {
      lastLog.code =
        typeof entry['code'] === 'string' ? entry['code'] : JSON.stringify(entry['event'] ?? '');
    },
  });

  title(
    `Les candidatures : ${options.mentors} mentors et ${options.mentees} mentorés, par le formulaire du site`,
  );
  const people = demoPeople({
    mentors: options.mentors,
    mentees: options.mentees,
    seed: options.seed,
    applicationsOpen: cohort.applicationsOpen,
    applicationsClose: cohort.applicationsClose,
    commune: settings.eligibility.communes[0] ?? 'Issy-les-Moulineaux',
  });
  const everyone = [...people.mentors, ...people.mentees].sort(
    (a, b) =>
      a.appliedOn.localeCompare(b.appliedOn) || a.kind.localeCompare(b.kind) || a.index - b.index,
  );
  const ids = new Map<DemoPerson, string>();
  options.progress.start(everyone.length, 'Candidatures');
  for (const [n, person] of everyone.entries()) {
    const minute = 9 * 60 + ((n * 37) % 600);
    const time = `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
    setDay(person.appliedOn, time);
    const id = await send(app, person.kind, person.entries, clock, later);
    ids.set(person, id);
    options.progress.step(
      id,
      person.minor ? 'mineur' : person.avoids ? 'conflit d’intérêts déclaré' : 'reçue',
    );
  }
  options.progress.done();
  say(
    `  ${everyone.length} candidatures, une par commit : git -C ${dataDirectory} log --oneline -- applications`,
  );

  title('La sélection : entretiens et décisions de la coordination (npm run screen)');
  const quiet = () => {};
  const screenDay = addDays(cohort.applicationsClose, 3);
  // The last to apply are the ones not screened yet: fates go by order of arrival.
  const fates = new Map<string, string>();
  for (const kind of ['mentor', 'mentee'] as const) {
    const arrived = everyone.filter((p) => p.kind === kind);
    screeningFates(arrived.length, kind, random).forEach((fate, i) =>
      fates.set(ids.get(arrived[i]!)!, fate),
    );
  }
  // Every interview first, then every decision: history runs forward.
  const interviewed = [...fates].filter(([, fate]) => fate !== 'new');
  options.progress.start(interviewed.length, 'Entretiens');
  for (const [n, [id]] of interviewed.entries()) {
    moveTo(new Date(at(screenDay, '09:00').getTime() + n * 60_000));
    await runScreen([id, 'interviewed'], { store, now: clock, print: quiet });
    options.progress.step(id, 'entretien fait');
  }
  options.progress.done();
  const decided = interviewed.filter(([, fate]) => fate !== 'interviewed');
  options.progress.start(decided.length, 'Décisions');
  for (const [n, [id, fate]] of decided.entries()) {
    moveTo(new Date(at(addDays(screenDay, 1), '09:00').getTime() + n * 60_000));
    const training =
      id.startsWith('mentor-') && fate === 'accepted' ? ['--training', screenDay] : [];
    await runScreen([id, fate, ...training], { store, now: clock, print: quiet });
    options.progress.step(id, frenchFate[fate] ?? fate);
  }
  options.progress.done();
  const count = (fate: string) => [...fates.values()].filter((f) => f === fate).length;
  say(
    `  acceptées : ${count('accepted')}, en attente : ${count('waitlisted')}, non retenues : ${count('declined')}, retirées : ${count('withdrawn')}, à examiner : ${count('new') + count('interviewed')}`,
  );

  title(`L’appariement de la cohorte ${cohort.id}, sa revue et son acceptation (npm run match)`);
  setDay(addDays(screenDay, 3), '10:00');
  const lines: string[] = [];
  const matchDeps = {
    store,
    settings,
    now: clock,
    print: (line: string) => lines.push(line),
    fileUrl: (_branch: string, path: string) => path,
    deliver: folderDelivery(documents),
  };
  const proposed = await runMatch(['--cohort', cohort.id], matchDeps);
  if (proposed.failed) throw new DemoError(`L’appariement a échoué : ${lines.join(' ')}`);
  const branch = `binomes/${cohort.id}`;
  const onBranch = await readRecords(store, { folders: [folders.pairs], branch });
  const proposedPairs = onBranch.pairs.filter((p) => p.status === 'proposed');
  let pairs: Pair[] = [];
  if (proposedPairs.length === 0)
    say(
      `  aucun binôme n’a pu être proposé (trop peu de personnes acceptées et compatibles) : la suite n’aura rien à montrer ; essayez plus de mentors et de mentorés (--mentors, --mentores).`,
    );
  else {
    say(
      `  ${proposedPairs.length} binômes proposés sur la branche ${branch} ; la revue : git -C ${dataDirectory} show ${branch}:reviews/${cohort.id}.md`,
    );
    setDay(addDays(screenDay, 5), '11:00');
    const accepted = await runMatch(['--accept', cohort.id], matchDeps);
    if (accepted.failed) throw new DemoError(`L’acceptation a échoué : ${lines.join(' ')}`);
    pairs = (await readRecords(store, { folders: [folders.pairs] })).pairs.filter(
      (p) => p.status === 'accepted',
    );
    say(`  ${pairs.length} binômes acceptés (fusion de la branche dans main)`);
  }

  title('Les conventions de mentorat remplies (npm run conventions)');
  const conventions = await runConventions([], {
    store,
    settings,
    assets: () => readConventionAssets(settings),
    identities: () => Promise.resolve(identities),
    folder: conventionFolder(conventionsDirectory),
    now: clock,
    print: quiet,
    progress: options.progress,
  });
  if (!conventions || conventions.failed.length > 0)
    throw new DemoError(
      `${conventions?.failed.length ?? 'Des'} conventions n’ont pas pu être remplies.`,
    );
  if (conventions.written.length > 0)
    say(`  ${conventions.written.length} conventions (PDF) : ${conventionsDirectory}`);

  title('Les signatures, et les codes de suivi remis à chaque participant (npm run pair)');
  const minors = new Set(people.mentees.filter((m) => m.minor).map((m) => ids.get(m)!));
  const codes = new Map<string, { mentor: string; mentee: string }>();
  const pairDeps = (printed: string[]) => ({
    store,
    settings,
    now: clock,
    print: (line: string) => printed.push(line),
    deliver: folderDelivery(documents),
    showCodes: true,
    random: bytes,
  });
  options.progress.start(pairs.length, 'Signatures');
  for (const [n, pair] of pairs.entries()) {
    const day = addDays(addDays(cohort.start, -6), n % 5);
    setDay(day, '17:00');
    const printed: string[] = [];
    const minor = minors.has(pair.mentee);
    await runPair(
      [pair.id, 'signee', day, ...(minor ? ['--representant', day] : [])],
      pairDeps(printed),
    );
    const shown = /mentor : ([0-9A-Z-]+) ; mentoré : ([0-9A-Z-]+)/.exec(printed.join(' '));
    if (!shown) throw new DemoError(`Le binôme ${pair.id} n’a pas reçu ses codes de suivi.`);
    codes.set(pair.id, { mentor: shown[1]!, mentee: shown[2]! });
    options.progress.step(pair.id, minor ? 'signée, avec le représentant légal' : 'signée');
  }
  options.progress.done();
  if (pairs.length > 0) say(`  fiches de suivi (avec les codes) : ${documents}`);

  title('Un semestre de rencontres : points d’étape par le formulaire du site, pauses, fins');
  const lives = pairLives(
    pairs.map((p) => p.id),
    random,
  );
  let checkIns = 0;
  options.progress.start(months.length, 'Mois');
  for (const m of months) {
    // The month's steps of every pair, in the order of their days, so that history runs forward.
    const events: { day: string; time: string; run: () => Promise<void> }[] = [];
    for (const life of lives) {
      const code = codes.get(life.pairId)!;
      const pairStep = (day: string, time: string, args: string[]) =>
        events.push({ day, time, run: () => runPair([life.pairId, ...args], pairDeps([])) });
      // The team's calls, as the settings ask: twice in the first month, then every month.
      const n = lives.indexOf(life) % 5;
      if (life.contactMonths.includes(m))
        for (const day of m === 1
          ? [`${year}-01-${20 + n}`, dayOfMonth(year, m, 3 + n)]
          : [dayOfMonth(year, m, 1 + n)])
          pairStep(day, '14:00', ['contact', day]);
      if (life.pauses && m === pauseMonth)
        pairStep(dayOfMonth(year, m, 2), '10:00', ['pause', '--motif', 'Examens']);
      if (life.pauses && m === pauseMonth + 1)
        pairStep(dayOfMonth(year, m, 3), '10:00', ['reprise']);
      if (life.midPoint === m)
        pairStep(dayOfMonth(year, m, 12), '11:00', ['mi-parcours', dayOfMonth(year, m, 12)]);
      if (life.closesEarly?.month === m)
        pairStep(dayOfMonth(year, m, 26), '16:00', ['cloture', life.closesEarly.reason]);
      for (const [role, inMonths] of [
        ['mentee', life.checkInMonths],
        ['mentor', life.mentorCheckInMonths],
      ] as const) {
        if (!inMonths.includes(m)) continue;
        events.push({
          day: dayOfMonth(year, m, role === 'mentee' ? 22 : 24),
          time: '19:30',
          run: async () => {
            await send(app, 'check-in', checkInEntries(code[role], life, m, year), clock, later);
            checkIns += 1;
          },
        });
      }
    }
    for (const event of events.sort((a, b) =>
      `${a.day}${a.time}`.localeCompare(`${b.day}${b.time}`),
    )) {
      setDay(event.day, event.time);
      await event.run();
    }
    options.progress.step(monthNames[m]!, `${checkIns} points d’étape en tout`);
  }
  options.progress.done();
  const silent = lives.filter((l) => l.silentAfter !== undefined).length;
  say(
    `  ${checkIns} points d’étape ; ${silent} binôme(s) devenu(s) silencieux ; ${lives.filter((l) => l.closesEarly).length} fin(s) anticipée(s) ; ${lives.filter((l) => l.pauses).length} pause(s) pendant les examens`,
  );

  title('Le suivi hebdomadaire des binômes (npm run followup)');
  const followUpDay = mondayOnOrAfter(dayOfMonth(year, 5, 28));
  setDay(followUpDay, '07:00');
  const report: string[] = [];
  await runFollowUp(['--date', followUpDay], {
    store,
    settings,
    now: clock,
    print: (line) => report.push(line),
  });
  const followUpFile = join(directory, `suivi-${followUpDay}.md`);
  await writeFile(followUpFile, report.join('\n') + '\n');
  say(`  le suivi du ${frenchDay(followUpDay)} : ${followUpFile}`);

  title(`Le bilan du programme, année ${cohort.id} (npm run report)`);
  const reportDay = addDays(followUpDay, 2);
  setDay(reportDay, '08:00');
  const reportCopy = join(directory, 'rapport');
  const outcome = await runReport(['--period', cohort.id, '--date', reportDay], {
    store,
    settings,
    now: clock,
    print: quiet,
    identities: () => Promise.resolve(identities),
    pdf: options.pdf,
    delivery: 'commit',
    copy: async (_period, files) => {
      for (const file of files) {
        const target = join(reportCopy, file.path.split('/').slice(2).join('/'));
        await mkdir(join(target, '..'), { recursive: true });
        await writeFile(target, file.content);
      }
      return join(reportCopy, 'rapport.html');
    },
  });
  if (!outcome) throw new DemoError('Le bilan du programme n’a pas été compilé.');
  say(
    `  ${outcome.folder}/ dans le dépôt, et une copie à ouvrir : ${join(reportCopy, 'rapport.html')}`,
  );

  durations.push(performance.now() - stepStarted);
  say(
    `\nDurée de chaque étape : ${durations.map((ms, i) => `${i + 1}. ${(ms / 1000).toFixed(1).replace('.', ',')} s`).join(' ; ')}.`,
  );
  running.since = performance.now();
  const digest = await repositoryDigest(store, identities);
  const fingerprint = digestFingerprint(digest);
  say(
    `\nEmpreinte du contenu du dépôt : ${fingerprint} (la même à chaque démonstration de mêmes réglages).`,
  );
  return {
    clock,
    durations,
    digest,
    fingerprint,
    dataDirectory,
    keyFile,
    applications: everyone.length,
    pairs: pairs.length,
    conventions: conventions.written.length,
    checkIns,
    followUpFile,
    reportFolder: reportCopy,
    store,
    recipient,
  };
}

const frenchFate: Record<string, string> = {
  accepted: 'acceptée',
  waitlisted: 'en attente',
  declined: 'non retenue',
  withdrawn: 'retirée',
  interviewed: 'entretien fait, décision à prendre',
};

const monthNames = ['', 'février', 'mars', 'avril', 'mai', 'juin'];

function mondayOnOrAfter(day: string): string {
  let d = day;
  while (new Date(`${d}T12:00:00Z`).getUTCDay() !== 1) d = addDays(d, 1);
  return d;
}

/** A « point d'étape » of month `m`: the month's meetings (the first month, January's too). */
function checkInEntries(code: string, life: PairLife, m: number, year: number): FormEntries {
  const silent = life.silentAfter !== undefined && m > life.silentAfter;
  const count = silent ? 0 : (life.meetingsPerMonth[m - 1] ?? 1);
  const days =
    m === 1
      ? [`${year}-01-25`, dayOfMonth(year, m, 12)]
      : [dayOfMonth(year, m, 8), dayOfMonth(year, m, 17)];
  const blocks = ['first', 'second'].slice(0, m === 1 ? Math.max(count, 1) : count);
  return [
    ['access.code', code],
    ...blocks.flatMap((block, i): FormEntries => [
      [`meetings.${block}.date`, frenchDay(days[i]!)],
      [`meetings.${block}.mode`, (m + i) % 3 === 0 ? 'visio' : 'presentiel'],
      [`meetings.${block}.duration`, i === 0 ? '60-120' : '30-60'],
    ]),
    ['mood.rating', String(life.mood[m - 1] ?? 4)],
    ['website', ''],
  ];
}

/**
 * Sends a form as a browser does: opens the page (a challenge), solves the proof of work, takes
 * a few minutes to fill it in, posts it. Returns the receipt's reference.
 */
async function send(
  app: Handler,
  kind: keyof typeof formRoutes,
  entries: FormEntries,
  clock: () => Date,
  wait: (ms: number) => void,
): Promise<string> {
  const challengeAnswer = await app(new Request(`${origin}/api/altcha/challenge`), {});
  if (challengeAnswer.status !== 200)
    throw new DemoError(
      `L’accueil des formulaires n’a pas donné de défi anti-robot (HTTP ${challengeAnswer.status}).`,
    );
  const challenge = (await challengeAnswer.json()) as Challenge;
  const solution = await solveChallenge({ challenge, deriveKey });
  wait(4 * 60_000);
  const proof = Buffer.from(JSON.stringify({ challenge, solution })).toString('base64');
  const response = await app(
    new Request(`${origin}${formRoutes[kind]}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin },
      body: new URLSearchParams([...entries, ['altcha', proof]]).toString(),
    }),
    {},
  );
  const location = response.headers.get('location');
  if (response.status !== 303 || !location)
    throw new DemoError(
      `Le formulaire « ${kind} » du ${clock().toISOString().slice(0, 10)} a été refusé (HTTP ${response.status}, ${lastLog.code}).`,
    );
  return new URL(location, origin).searchParams.get('reference') ?? '';
}

/** Makes `directory` an empty demo folder: new, or an earlier demo's, never anything else. */
async function freshFolder(directory: string): Promise<void> {
  const refuse = (why: string) =>
    new DemoError(`${directory} ${why} : choisissez un autre dossier avec --out.`);
  let entries: string[] | undefined;
  try {
    const found = await lstat(directory);
    if (found.isSymbolicLink()) throw refuse('est un lien symbolique, pas un dossier');
    if (!found.isDirectory()) throw refuse('n’est pas un dossier');
    entries = await readdir(directory);
  } catch (error) {
    if (error instanceof DemoError) throw error;
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
      throw refuse('ne peut pas être lu ni remplacé');
  }
  if (entries && entries.length > 0) {
    // Only what a demo writes, marker included: anything else is someone's, and stays.
    const foreign = entries.filter((entry) => !isDemoEntry(entry));
    if (!entries.includes(demoMarker) || foreign.length > 0)
      throw refuse(
        foreign.length > 0 && entries.includes(demoMarker)
          ? `contient d’autres fichiers que ceux d’une démonstration (${foreign.length})`
          : 'existe et n’est pas celui d’une démonstration',
      );
    await rm(directory, { recursive: true, force: true });
  }
  await mkdir(directory, { recursive: true });
  await writeFile(
    join(directory, demoMarker),
    'Dossier de la démonstration de Binôme (npm run demo) : il est remplacé à chaque démonstration.\n',
  );
}

/** What a demo writes at the top of its folder. */
const isDemoEntry = (entry: string) =>
  [demoMarker, 'data', 'data-coordination-key.txt', 'conventions', 'documents', 'rapport'].includes(
    entry,
  ) || /^suivi-\d{4}-\d{2}-\d{2}\.md$/.test(entry);
