import { frenchTypography } from '../../schemas/french-typography.ts';
import type { ProgrammeSettings } from '../../schemas/programme.schema.ts';
import type {
  DeskApplication,
  DeskPair,
  DeskPerson,
  DeskProposal,
  DeskView,
} from '../coordination/desk-view.ts';
import type { ConventionMaker } from '../convention/convention-maker.ts';
import { KeyFileError, recipientsOf } from '../privacy/age-identities.ts';
import type { DescribedLine } from '../text/describe-record.ts';
import { keyFileIdentities } from '../privacy/key-file-identities.ts';
import { createOctokit } from '../store/create-octokit.ts';
import { DeskError } from './desk-error.ts';
import type { DeskCommand, DeskReply, DeskSource } from './desk-source.ts';
import { details, h, mailLink, telLink } from './dom.ts';
import { GitHubDeskSource } from './github-desk-source.ts';
import { loadDesk, type LoadedDesk } from './load-desk.ts';
import { localDesk, LocalDeskSource } from './local-desk-source.ts';

/** What the page is built with: public things only (settings, the convention's text, files). */
export interface DeskConfig {
  settings: ProgrammeSettings;
  conventionMarkdown: string;
  /** The folder of the desk's own files (the fonts of the convention). */
  assets: URL;
  /** The local server's side of the desk (`<site>/api/coordination/`). */
  api: string;
  fonts: { regular: string; bold: string };
  logo?: { file: string; type: 'png' | 'jpeg' };
}

const decisions = [
  ['interviewed', 'entretien', 'Entretien réalisé'],
  ['accepted', 'acceptee', 'Accepter'],
  ['waitlisted', 'attente', 'Liste d’attente'],
  ['declined', 'non-retenue', 'Non retenue'],
] as const;

const closeReasons = [
  ['prevue', 'Fin prévue atteinte'],
  ['indisponible', 'Un membre n’est plus disponible'],
  ['objectif-atteint', 'Objectif atteint avant la fin'],
  ['desaccord', 'Désaccord'],
  ['manquement', 'Manquement à la convention'],
  ['autre', 'Autre raison'],
] as const;

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

/** Someone's name for people, or their id when the identity could not be read. */
const nameOf = (person: DeskPerson) => person.name ?? person.id;

function personLines(person: DeskPerson): [string, string | Node | undefined][] {
  return [
    ['Identifiant', person.id],
    ['Identité', person.unopened ? `non lue : ${person.unopened}` : undefined],
    ['Âge', person.age === undefined ? undefined : `${person.age} ans`],
    ['Commune', person.commune],
    ['Téléphone', person.phone ? telLink(person.phone) : undefined],
    ['Courriel', person.email ? mailLink(person.email) : undefined],
  ];
}

/** A record's lines as nested lists: a group's title, then its fields inside it. */
function profileList(lines: readonly DescribedLine[]): HTMLUListElement {
  const root = h('ul');
  const stack: HTMLUListElement[] = [root];
  for (const line of lines) {
    while (stack.length > line.depth + 1) stack.pop();
    const parent = stack[stack.length - 1]!;
    if (line.value === undefined) {
      const inner = h('ul');
      parent.append(h('li', {}, h('strong', {}, line.label), inner));
      stack.push(inner);
    } else parent.append(h('li', {}, `${line.label} : ${line.value}`));
  }
  return root;
}

/**
 * The coordinators' desk (issue 15): opens with a token (GitHub) or a one-time code (the local
 * server) and the coordinators' age key, both kept in this tab's memory only; shows the people
 * behind the ids; acts only by comment commands. Nothing is stored: no cookie, no web storage,
 * nothing in the address; closing the tab (or « Fermer l’espace ») forgets everything.
 */
export async function startDesk(config: DeskConfig): Promise<void> {
  const { settings } = config;
  const form = byId<HTMLFormElement>('desk-login');
  const problem = byId<HTMLElement>('desk-problem');
  const desk = byId<HTMLElement>('desk');
  const status = byId<HTMLElement>('desk-status');
  const reply = byId<HTMLElement>('desk-reply');
  // Shown by the script only: without JavaScript, the page says it needs it instead.
  byId('desk-loading').hidden = false;
  const local = await localDesk(config.api);
  for (const part of document.querySelectorAll<HTMLElement>('[data-desk-mode]'))
    part.hidden = part.dataset['deskMode'] !== (local ? 'local' : 'github');
  form.hidden = false;
  byId('desk-loading').hidden = true;

  let source: DeskSource | undefined;
  let identities: string[] = [];
  let loaded: LoadedDesk | undefined;
  const urls: string[] = [];
  // The convention's code (pdf-lib, fonts) is loaded the first time a convention is asked for.
  let makerOf: Promise<() => Promise<ConventionMaker>> | undefined;
  const conventionCode = () => import('./desk-convention.ts');
  const maker = () => {
    makerOf ??= conventionCode().then((code) =>
      code.conventionMakerOf(() =>
        code.fetchConventionAssets(
          {
            base: config.assets,
            markdown: config.conventionMarkdown,
            fonts: config.fonts,
            ...(config.logo ? { logo: config.logo } : {}),
          },
          settings,
        ),
      ),
    );
    return makerOf.then((make) => make());
  };

  const say = (element: HTMLElement, text: string) => {
    element.textContent = frenchTypography(text);
  };
  const french = (error: unknown) =>
    error instanceof DeskError || error instanceof KeyFileError
      ? error.message
      : 'Une erreur inattendue est survenue : fermez l’espace, puis ouvrez-le de nouveau.';

  const forget = () => {
    source = undefined;
    identities = [];
    loaded = undefined;
    for (const url of urls.splice(0)) URL.revokeObjectURL(url);
    for (const id of ['desk-applications', 'desk-proposals', 'desk-pairs', 'desk-unreadable'])
      byId(id).replaceChildren();
  };
  // Leaving the page forgets too (a tab kept in the back-forward cache keeps nothing).
  addEventListener('pagehide', forget);

  async function refresh(): Promise<void> {
    if (!source) return;
    say(status, 'Lecture des données…');
    loaded = await loadDesk(source, identities, settings, new Date());
    render(loaded.view);
    const time = new Intl.DateTimeFormat('fr-FR', {
      hour: '2-digit',
      minute: '2-digit',
      timeZone: settings.structure.timeZone,
    }).format(new Date());
    const v = loaded.view;
    say(
      status,
      `Données lues à ${time.replace(':', '\u00a0h\u00a0')} depuis ${source.label} : ${v.applications.length} candidature${v.applications.length > 1 ? 's' : ''} à examiner, ${v.proposals.length} proposition${v.proposals.length > 1 ? 's' : ''} de binômes, ${v.pairs.length} binôme${v.pairs.length > 1 ? 's' : ''} suivi${v.pairs.length > 1 ? 's' : ''}.`,
    );
  }

  /** Runs a command, shows Binôme's answer, then reads the data again to show its effect. */
  async function act(command: DeskCommand | { accept: string }): Promise<void> {
    if (!source) return;
    const buttons = [...desk.querySelectorAll<HTMLButtonElement>('button[data-action]')];
    for (const b of buttons) b.disabled = true;
    const shown = 'accept' in command ? `Accepter la cohorte ${command.accept}` : command.line;
    reply.replaceChildren(
      h('h2', {}, 'Réponse de Binôme'),
      h('p', {}, `Commande envoyée : ${shown}. En attente de la réponse…`),
    );
    reply.focus();
    try {
      const answer: DeskReply =
        'accept' in command
          ? await (source.accept?.(command.accept) ??
              Promise.reject(
                new DeskError(
                  'Sur GitHub, une proposition s’accepte en fusionnant sa pull request.',
                ),
              ))
          : await source.send(command);
      reply.replaceChildren(
        h('h2', {}, 'Réponse de Binôme'),
        h('p', {}, `Commande : ${shown}`),
        ...answer.text.split('\n').map((line) => h('p', {}, line)),
        ...(answer.link
          ? [
              h(
                'p',
                {},
                h(
                  'a',
                  { href: answer.link, rel: 'noopener noreferrer', target: '_blank' },
                  'Voir sur GitHub',
                ),
              ),
            ]
          : []),
      );
    } catch (error) {
      reply.replaceChildren(
        h('h2', {}, 'Réponse de Binôme'),
        h('p', {}, `Commande : ${shown}`),
        h('p', { class: 'problem' }, french(error)),
      );
    }
    // Read again to show the effect; a failure here does not undo what Binôme answered.
    try {
      await refresh();
    } catch (error) {
      reply.append(
        h(
          'p',
          { class: 'problem' },
          `Les données n’ont pas pu être relues : ${french(error)} Cliquez sur « Actualiser » pour voir l’effet de la commande.`,
        ),
      );
      say(status, 'Les données affichées ne sont peut-être plus à jour.');
    } finally {
      for (const b of desk.querySelectorAll<HTMLButtonElement>('button[data-action]'))
        b.disabled = false;
      reply.focus();
    }
  }

  const button = (label: string, onClick: () => void, attributes: Record<string, string> = {}) => {
    const b = h('button', { type: 'button', 'data-action': 'true', ...attributes }, label);
    b.addEventListener('click', onClick);
    return b;
  };

  function applicationCard(a: DeskApplication): HTMLElement {
    const heading = `candidature-${a.id}`;
    const role = a.kind === 'mentor' ? 'Mentor' : 'Mentoré';
    return h(
      'article',
      { class: 'desk-card', 'aria-labelledby': heading },
      h('h3', { id: heading }, `${nameOf(a)} (${role.toLowerCase()})`),
      details([
        ...personLines(a),
        ['Reçue le', a.submittedOn],
        ['Cohorte', a.cohort],
        ['Statut', a.statusLabel],
        [
          'À vérifier',
          a.needsReview
            ? 'oui : la candidature a été signalée à l’envoi (délai ou preuve anti-robot)'
            : undefined,
        ],
        [
          'Représentant légal',
          a.representative
            ? [a.representative.name, a.representative.phone, a.representative.email]
                .filter(Boolean)
                .join(', ')
            : undefined,
        ],
      ]),
      h('details', {}, h('summary', {}, 'Profil et engagements'), profileList(a.profile)),
      a.history.length
        ? h(
            'details',
            {},
            h('summary', {}, 'Historique'),
            h('ul', {}, ...a.history.map((line) => h('li', {}, line))),
          )
        : undefined,
      h(
        'div',
        { class: 'desk-actions', role: 'group', 'aria-label': `Décision pour ${nameOf(a)}` },
        ...decisions
          .filter(([value]) => value !== a.status)
          .map(([, word, label]) =>
            button(
              label,
              () => {
                // Declining is said to the person: asked once more.
                if (
                  word === 'non-retenue' &&
                  !confirm(frenchTypography(`Ne pas retenir la candidature de ${nameOf(a)} ?`))
                )
                  return;
                void act({ line: `/decision ${a.id} ${word}`, thread: 'digest' });
              },
              { 'data-command': `/decision ${a.id} ${word}` },
            ),
          ),
      ),
    );
  }

  function proposalSection(p: DeskProposal): HTMLElement {
    const heading = `proposition-${p.cohort}`;
    const mentorSelect = h(
      'select',
      { id: `associer-mentor-${p.cohort}` },
      ...p.spare.map((s) =>
        h(
          'option',
          { value: s.person.id },
          `${nameOf(s.person)} (${s.places} place${s.places > 1 ? 's' : ''})`,
        ),
      ),
    );
    const menteeSelect = h(
      'select',
      { id: `associer-mentore-${p.cohort}` },
      ...p.unmatched.map((u) => h('option', { value: u.person.id }, nameOf(u.person))),
    );
    const section = h(
      'section',
      { class: 'desk-card', 'aria-labelledby': heading },
      h(
        'h3',
        { id: heading },
        `${p.cohortLabel} : ${p.pairs.length} binôme${p.pairs.length > 1 ? 's' : ''} proposé${p.pairs.length > 1 ? 's' : ''}`,
      ),
      p.pairs.length === 0
        ? h(
            'p',
            {},
            'Aucun binôme proposé pour l’instant : associez des personnes, ou relancez l’appariement.',
          )
        : h(
            'div',
            { class: 'desk-table' },
            h(
              'table',
              {},
              h('caption', {}, `Binômes proposés, cohorte ${p.cohort}`),
              h(
                'thead',
                {},
                h(
                  'tr',
                  {},
                  ...['Binôme', 'Mentor', 'Mentoré', 'Score', 'Raisons', 'Action'].map((t) =>
                    h('th', { scope: 'col' }, t),
                  ),
                ),
              ),
              h(
                'tbody',
                {},
                ...p.pairs.map((pair) =>
                  h(
                    'tr',
                    {},
                    h(
                      'th',
                      { scope: 'row' },
                      pair.id,
                      pair.forced ? h('br') : undefined,
                      pair.forced ? 'imposé' : undefined,
                    ),
                    h('td', {}, nameOf(pair.mentor), h('br'), pair.mentor.id),
                    h('td', {}, nameOf(pair.mentee), h('br'), pair.mentee.id),
                    h('td', {}, String(pair.score)),
                    h('td', {}, h('ul', {}, ...pair.reasons.map((r) => h('li', {}, r)))),
                    h(
                      'td',
                      {},
                      button(
                        'Retirer',
                        () =>
                          void act({
                            line: `/retirer ${pair.id}`,
                            thread: 'pairing',
                            cohort: p.cohort,
                          }),
                        {
                          'aria-label': `Retirer le binôme ${nameOf(pair.mentor)} et ${nameOf(pair.mentee)}`,
                        },
                      ),
                    ),
                  ),
                ),
              ),
            ),
          ),
      h('h4', {}, `Mentorés sans binôme (${p.unmatched.length})`),
      p.unmatched.length
        ? h(
            'ul',
            {},
            ...p.unmatched.map((u) =>
              h('li', {}, `${nameOf(u.person)} (${u.person.id}) : ${u.reason}`),
            ),
          )
        : h('p', {}, 'Aucun.'),
      h('h4', {}, `Places de mentor libres (${p.spare.reduce((n, s) => n + s.places, 0)})`),
      p.spare.length
        ? h(
            'ul',
            {},
            ...p.spare.map((s) =>
              h(
                'li',
                {},
                `${nameOf(s.person)} (${s.person.id}), ${s.places} place${s.places > 1 ? 's' : ''} : ${s.reason}`,
              ),
            ),
          )
        : h('p', {}, 'Aucune.'),
    );
    if (p.spare.length && p.unmatched.length)
      section.append(
        h('h4', {}, 'Associer deux personnes'),
        h(
          'p',
          { class: 'desk-actions' },
          h('label', { for: mentorSelect.id }, 'Mentor'),
          mentorSelect,
          h('label', { for: menteeSelect.id }, 'Mentoré'),
          menteeSelect,
          button(
            'Associer',
            () =>
              void act({
                line: `/associer ${mentorSelect.value} ${menteeSelect.value}`,
                thread: 'pairing',
                cohort: p.cohort,
              }),
          ),
        ),
      );
    const actions = h(
      'p',
      { class: 'desk-actions' },
      button(
        'Relancer l’appariement',
        () => void act({ line: '/relancer', thread: 'pairing', cohort: p.cohort }),
      ),
    );
    section.append(actions);
    void source?.proposalLink(p.cohort).then(
      (link) => {
        if (p.pairs.length === 0) return;
        actions.append(
          link
            ? h(
                'a',
                { href: link, rel: 'noopener noreferrer', target: '_blank' },
                'Accepter sur GitHub : fusionner la pull request',
              )
            : button('Accepter la proposition', () => void act({ accept: p.cohort })),
        );
      },
      () => {},
    );
    return section;
  }

  function pairCard(pair: DeskPair): HTMLElement {
    const heading = `binome-${pair.id}`;
    const dateInput = h('input', {
      type: 'date',
      id: `signee-${pair.id}`,
      value: loaded?.view.today,
    });
    const reasonSelect = h(
      'select',
      { id: `cloture-${pair.id}` },
      ...closeReasons.map(([value, label]) => h('option', { value }, label)),
    );
    const conventionStatus = h('span', { role: 'status' });
    const conventionLinks = h('span');
    const makeConvention = button(
      'Préparer la convention (PDF)',
      () => {
        void (async () => {
          makeConvention.disabled = true;
          say(conventionStatus, 'Préparation de la convention…');
          try {
            if (!loaded)
              throw new DeskError('Les données ne sont pas lues : cliquez sur « Actualiser ».');
            const { deskConvention } = await conventionCode();
            const bytes = await deskConvention(
              pair.id,
              loaded.records,
              settings,
              maker,
              new Date(),
            );
            const url = URL.createObjectURL(
              new Blob([bytes as BlobPart], { type: 'application/pdf' }),
            );
            urls.push(url);
            const download = h(
              'a',
              { href: url, download: `convention-${pair.id}.pdf` },
              `Télécharger la convention de ${nameOf(pair.mentor)} et ${nameOf(pair.mentee)} (PDF)`,
            );
            conventionLinks.replaceChildren(
              download,
              ' ',
              h('a', { href: url, target: '_blank', rel: 'noopener' }, 'L’ouvrir pour l’imprimer'),
            );
            say(conventionStatus, 'Convention prête.');
            download.focus();
          } catch (error) {
            say(conventionStatus, french(error));
          } finally {
            makeConvention.disabled = false;
          }
        })();
      },
      { 'data-convention': pair.id },
    );
    const conventionPlace = h('p', { class: 'desk-actions' });
    if (pair.conventionReady)
      conventionPlace.append(makeConvention, conventionStatus, conventionLinks);
    else say(conventionPlace, 'Convention : l’identité d’un des membres n’a pas pu être lue.');
    const steps = h('div', {
      class: 'desk-actions',
      role: 'group',
      'aria-label': `Actions pour le binôme ${nameOf(pair.mentor)} et ${nameOf(pair.mentee)}`,
    });
    const follow = (line: string) => void act({ line, thread: 'follow-up' });
    if (pair.status === 'accepted')
      steps.append(
        h('label', { for: dateInput.id }, 'Convention signée le'),
        dateInput,
        button('Enregistrer la signature', () => follow(`/signee ${pair.id} ${dateInput.value}`)),
      );
    if (pair.status === 'active')
      steps.append(
        button('Contact fait', () => follow(`/contact ${pair.id}`)),
        button('Point de mi-parcours fait', () => follow(`/mi-parcours ${pair.id}`)),
        button('Mettre en pause', () => follow(`/pause ${pair.id}`)),
      );
    if (pair.status === 'paused')
      steps.append(button('Reprendre', () => follow(`/reprise ${pair.id}`)));
    if (pair.status === 'active' || pair.status === 'paused')
      steps.append(
        h('label', { for: reasonSelect.id }, 'Motif de clôture'),
        reasonSelect,
        button('Clôturer', () => {
          const reason = reasonSelect.selectedOptions[0]?.textContent ?? '';
          if (
            confirm(
              frenchTypography(
                `Clôturer le binôme de ${nameOf(pair.mentor)} et ${nameOf(pair.mentee)} (motif : ${reason}) ? Le mentorat sera terminé.`,
              ),
            )
          )
            follow(`/cloture ${pair.id} ${reasonSelect.value}`);
        }),
      );
    return h(
      'article',
      { class: 'desk-card', 'aria-labelledby': heading },
      h('h3', { id: heading }, `${nameOf(pair.mentor)} et ${nameOf(pair.mentee)}`),
      details([
        ['Binôme', pair.id],
        ['Statut', pair.statusLabel],
        ['Cohorte', pair.cohort],
      ]),
      h('h4', {}, `Mentor : ${nameOf(pair.mentor)}`),
      details(personLines(pair.mentor)),
      h('h4', {}, `Mentoré : ${nameOf(pair.mentee)}`),
      details(personLines(pair.mentee)),
      h('h4', {}, 'À traiter'),
      pair.flags.length
        ? h('ul', {}, ...pair.flags.map((f) => h('li', {}, f)))
        : h('p', {}, 'Rien à traiter.'),
      h('h4', {}, 'À venir'),
      pair.due.length
        ? h('ul', {}, ...pair.due.map((d) => h('li', {}, d)))
        : h('p', {}, 'Rien de prévu dans les sept jours.'),
      conventionPlace,
      steps,
    );
  }

  function render(view: DeskView): void {
    byId('desk-applications').replaceChildren(
      ...(view.applications.length
        ? view.applications.map(applicationCard)
        : [h('p', {}, 'Aucune candidature n’attend de décision.')]),
    );
    byId('desk-proposals').replaceChildren(
      ...(view.proposals.length
        ? view.proposals.map(proposalSection)
        : [h('p', {}, 'Aucune proposition de binômes en attente.')]),
    );
    byId('desk-pairs').replaceChildren(
      ...(view.pairs.length ? view.pairs.map(pairCard) : [h('p', {}, 'Aucun binôme à suivre.')]),
    );
    const problems = [
      ...view.unreadable.map((u) => `${u.path} : ${u.reason}`),
      ...view.unopened.map((u) => `${u.id} : identité non lue (${u.reason})`),
    ];
    byId('desk-unreadable').replaceChildren(
      ...(problems.length
        ? [
            h('h2', {}, 'Fichiers illisibles'),
            h(
              'p',
              {},
              'Ces fichiers n’ont pas pu être lus ; le reste de l’espace est à jour. La validation des données (onglet Actions) dit comment les corriger.',
            ),
            h('ul', {}, ...problems.map((p) => h('li', {}, p))),
          ]
        : []),
    );
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void (async () => {
      say(problem, '');
      const submit = form.querySelector<HTMLButtonElement>('button[type="submit"]')!;
      submit.disabled = true;
      const keyInput = byId<HTMLInputElement>('desk-key');
      const passphraseInput = byId<HTMLInputElement>('desk-passphrase');
      const tokenInput = byId<HTMLInputElement>('desk-token');
      const codeInput = byId<HTMLInputElement>('desk-code');
      try {
        const file = keyInput.files?.[0];
        if (!file) throw new DeskError('Choisissez le fichier de la clé de la coordination.');
        if (file.size > 100_000)
          throw new DeskError('Ce fichier est trop grand pour être une clé age.');
        identities = await keyFileIdentities(
          new Uint8Array(await file.arrayBuffer()),
          passphraseInput.value,
        ); // A key that cannot be the programme's is said before anything is read (or a one-time
        // code used): its public keys are compared with those the identities are sealed to.
        const expected = local
          ? local.recipients
          : settings.encryption.recipients.map((r) => r.key).filter((k) => k.startsWith('age1'));
        if (expected.length > 0) {
          const own = await recipientsOf(identities);
          if (!own.some((r) => expected.includes(r)))
            throw new DeskError(
              'Cette clé n’est pas une clé de la coordination de ce programme : ses identités sont chiffrées pour d’autres clés. Choisissez le bon fichier de clé.',
            );
        }

        if (local) {
          if (!codeInput.value.trim())
            throw new DeskError(
              'Tapez le code à usage unique affiché dans le terminal de npm start.',
            );
          const code = codeInput.value;
          // A code works once, whatever follows: the field is emptied for the next one.
          codeInput.value = '';
          source = await LocalDeskSource.open(config.api, code);
        } else {
          const repository = byId<HTMLInputElement>('desk-repository').value.trim();
          if (!/^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/.test(repository))
            throw new DeskError(
              'Écrivez le dépôt de données sous la forme propriétaire/nom, par exemple clavim/mentorat-donnees.',
            );
          const token = tokenInput.value.trim();
          if (!token) throw new DeskError('Collez le jeton GitHub (fine-grained) de ce dépôt.');
          const octokit = createOctokit({
            credentials: { kind: 'token', token },
            waitOnRateLimit: false,
            log: () => {},
          });
          source = new GitHubDeskSource(octokit, repository, {
            timeZone: settings.structure.timeZone,
          });
        }
        await refresh();
        // The secrets leave the form: they live in memory only, in the objects that use them.
        for (const input of [keyInput, passphraseInput, tokenInput, codeInput]) input.value = '';
        form.hidden = true;
        desk.hidden = false;
        byId('desk-heading').focus();
      } catch (error) {
        forget();
        say(problem, french(error));
        problem.focus();
      } finally {
        submit.disabled = false;
      }
    })();
  });

  byId('desk-refresh').addEventListener('click', () => {
    void refresh().catch((error: unknown) => say(status, french(error)));
  });
  byId('desk-close').addEventListener('click', () => {
    forget();
    desk.hidden = true;
    reply.replaceChildren();
    say(status, '');
    form.hidden = false;
    byId<HTMLInputElement>(local ? 'desk-code' : 'desk-repository').focus();
  });
}
