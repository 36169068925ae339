import { folders, initialFolders, retentionBranch } from '../../schemas/data-layout.ts';
import type { TextFileChange } from '../store/data-store.ts';

export interface SetupOptions {
  /** The Binôme project repository whose reusable workflows the data repository calls. */
  project: string;
  /** The Binôme release the programme runs, e.g. `v0.1.0`: upgrading changes this one ref. */
  ref: string;
  /**
   * From the settings: the cohorts a coordinator may choose in the Actions tab, and the cron of
   * the scheduled matching run (null: none).
   */
  matching?: { cohorts: readonly string[]; cron: string | null };
  /** From the settings: the cron of the scheduled reports (null: only from the Actions tab). */
  reports?: { cron: string | null };
}

/**
 * The job of a caller workflow: the project's reusable workflow, pinned to the release, told
 * which project and release to check out (the same pin, written once).
 */
function callReusable(
  file: string,
  { project, ref }: Pick<SetupOptions, 'project' | 'ref'>,
): string {
  return `    uses: ${project}/.github/workflows/${file}.yml@${ref}
    with:
      binome-repository: ${project}
      binome-ref: ${ref}`;
}

function matchWorkflow({ project, ref, matching }: SetupOptions): string {
  const cohorts = matching?.cohorts ?? [];
  const cohortInput =
    cohorts.length > 0
      ? `        type: choice
        options: [${cohorts.map((c) => `'${c}'`).join(', ')}]`
      : `        type: string`;
  const schedule = matching?.cron ? `\n  schedule:\n    - cron: '${matching.cron}'` : '';
  return `# Written by Binôme's \`npm run setup-data-repo\`: proposes the binômes of a cohort as a pull
# request (Actions tab, « Binômes », « Run workflow »), and accepts them when it is merged.
name: Binômes

on:
  workflow_dispatch:
    inputs:
      cohort:
        description: Cohorte à apparier
        required: true
${cohortInput}
      mode:
        description: 'meilleurs : le plus de points au total ; plus-nombreux : le plus de personnes en binôme'
        type: choice
        options: [meilleurs, plus-nombreux]
        default: meilleurs${schedule}
  pull_request:
    types: [closed]
    branches: [main]

permissions:
  contents: write
  pull-requests: write

# One proposal at a time; each merged pull request has its own group, so that accepting it is
# never cancelled by another event waiting in the same group.
concurrency:
  group: binomes-\${{ github.event.pull_request.number || 'proposition' }}
  cancel-in-progress: false

jobs:
  match:
    if: github.event_name != 'pull_request' || (github.event.pull_request.merged && startsWith(github.event.pull_request.head.ref, 'binomes/'))
${callReusable('match-data', { project, ref })}
      cohort: \${{ inputs.cohort || '' }}
      mode: \${{ inputs.mode || '' }}
  # Once the merged pairs are accepted: their conventions, as an artifact of this run.
  conventions:
    needs: match
    if: github.event_name == 'pull_request' && github.event.pull_request.merged && startsWith(github.event.pull_request.head.ref, 'binomes/')
${callReusable('conventions-data', { project, ref })}
    secrets:
      age-key: \${{ secrets.BINOME_AGE_KEY }}
`;
}

function conventionsWorkflow({ project, ref }: SetupOptions): string {
  return `# Written by Binôme's \`npm run setup-data-repo\`: the filled conventions de mentorat (PDF) of the
# accepted pairs, or of the pairs named, as an artifact of the run (Actions tab, « Conventions »,
# « Run workflow »). Also run by « Binômes » after a pairing pull request is merged.
name: Conventions

on:
  workflow_dispatch:
    inputs:
      binomes:
        description: 'Identifiants des binômes (pair-…), séparés par des espaces, jamais un nom ; vide : tous les binômes acceptés'
        required: false
        type: string

permissions:
  contents: write

jobs:
  conventions:
${callReusable('conventions-data', { project, ref })}
    secrets:
      age-key: \${{ secrets.BINOME_AGE_KEY }}
`;
}

function commandsWorkflow({ project, ref }: SetupOptions): string {
  return `# Written by Binôme's \`npm run setup-data-repo\`: the coordinators' comment commands
# (/decision, /retirer, /associer, /interdire, /relancer, /signee, /pause, /reprise, /cloture,
# /contact, /mi-parcours, /codes), answered by a reply comment.
name: Commandes

on:
  issue_comment:
    types: [created]

permissions:
  contents: write
  issues: write
  pull-requests: write

# No concurrency group: GitHub keeps only one pending run per group and cancels the others, which
# would drop a coordinator's command without a reply. Each command re-reads what it changes and
# writes only if nobody changed it meanwhile (else reads again), so commands may run at once.

jobs:
  commands:
${callReusable('commands-data', { project, ref })}
`;
}

function callerWorkflow({ project, ref }: SetupOptions): string {
  return `# Written by Binôme's \`npm run setup-data-repo\`. To upgrade Binôme, change the release
# (${ref}) in both places below, in every workflow of this folder.
name: Validation des données

on:
  push:
    branches: [main]
  pull_request:

permissions:
  contents: read
  pull-requests: write

jobs:
  validate:
${callReusable('validate-data', { project, ref })}
`;
}

function digestWorkflow({ project, ref }: SetupOptions): string {
  return `# Written by Binôme's \`npm run setup-data-repo\`: the « Candidatures à examiner » issue.
name: Candidatures à examiner

on:
  push:
    branches: [main]
    paths: ['${folders.mentor}/**', '${folders.mentee}/**', '${folders.screening}/**']
  workflow_dispatch:

permissions:
  contents: read
  issues: write

concurrency:
  group: digest
  cancel-in-progress: false

jobs:
  digest:
${callReusable('digest-data', { project, ref })}
`;
}

function followUpWorkflow({ project, ref }: SetupOptions): string {
  return `# Written by Binôme's \`npm run setup-data-repo\`: every Monday morning (and from the Actions
# tab, « Suivi des binômes », « Run workflow »), updates the « Suivi des binômes » issue: what each
# pair under way needs from the coordinators, by pair id only.
name: Suivi des binômes

on:
  schedule:
    # 06:00 UTC: 7 h in Paris in winter, 8 h in summer.
    - cron: '0 6 * * 1'
  workflow_dispatch:

permissions:
  contents: read
  issues: write

# The called workflow runs one follow-up at a time (its own concurrency group).

jobs:
  followup:
${callReusable('followup-data', { project, ref })}
`;
}

function reportWorkflow({ project, ref, reports }: SetupOptions): string {
  const cron = reports === undefined ? '0 5 2 * *' : reports.cron;
  const schedule = cron
    ? `  schedule:
    # The month that ended (and in September the school year), from reports.schedule (UTC).
    - cron: '${cron}'
`
    : '';
  return `# Written by Binôme's \`npm run setup-data-repo\`: the programme's bilan, counts only, in
# reports/<période>/ (and from the Actions tab, « Rapports », « Run workflow », for any period).
name: Rapports

on:
${schedule}  workflow_dispatch:
    inputs:
      periode:
        description: 'Période : un mois (2026-11), une année scolaire (2026-2027) ou une cohorte (cohorte-2026-2027) ; vide : le mois écoulé (et en septembre l’année scolaire terminée)'
        required: false
        type: string

permissions:
  contents: write
  pull-requests: write

# The called workflow compiles one report at a time (its own concurrency group).

jobs:
  report:
${callReusable('report-data', { project, ref })}
    secrets:
      age-key: \${{ secrets.BINOME_AGE_KEY }}
`;
}

function eraseWorkflow({ project, ref }: SetupOptions): string {
  return `# Written by Binôme's \`npm run setup-data-repo\`: erases one person, by id (Actions tab,
# « Effacer une personne », « Run workflow »). Irreversible: their identity can no longer be read,
# not even in the history.
name: Effacer une personne

on:
  workflow_dispatch:
    inputs:
      id:
        description: 'Identifiant de la personne à effacer (mentee-… ou mentor-…), jamais son nom ni son adresse'
        required: true
        type: string

permissions:
  contents: write

# No concurrency group: erasures may run at once (each re-reads what it removes), and GitHub
# keeps one pending run per group, which would cancel an erasure as soon as a third is started.

jobs:
  erase:
${callReusable('erase-data', { project, ref })}
      id: \${{ inputs.id }}
`;
}

function retentionWorkflow({ project, ref }: SetupOptions): string {
  return `# Written by Binôme's \`npm run setup-data-repo\`: every week (and from the Actions tab,
# « Conservation des données », « Run workflow »), proposes as a pull request to delete what is
# past its retention period; once that pull request is merged, destroys the erased people's keys.
name: Conservation des données

on:
  schedule:
    - cron: '17 4 * * 1'
  workflow_dispatch:
  pull_request:
    types: [closed]
    branches: [main]

permissions:
  contents: write
  pull-requests: write

# The called workflow runs one retention at a time (its own concurrency group).

jobs:
  retention:
    if: github.event_name != 'pull_request' || (github.event.pull_request.merged && github.event.pull_request.head.ref == '${retentionBranch}')
${callReusable('retention-data', { project, ref })}
`;
}

const readme = `# Données du programme de mentorat

Ce dépôt privé contient les candidatures, les décisions et les binômes du programme. Il est tenu
par Binôme : ne le rendez jamais public, et n’y copiez pas de données ailleurs que dans ces dossiers.

| dossier | contenu |
| --- | --- |
| \`applications/mentors/\`, \`applications/mentees/\` | une candidature par fichier, telle qu’envoyée ; jamais modifiée par les scripts |
| \`screening/\` | vos décisions sur chaque candidature (nouvelle, entretien, acceptée, en attente, non retenue, retirée) |
| \`pairs/\` | les binômes, proposés par des pull requests que vous relisez puis fusionnez |
| \`reviews/\` | la revue de chaque proposition : scores et raisons de chaque binôme, personnes sans binôme |
| \`matching/\` | vos modifications de l’appariement de chaque cohorte (associations interdites, propositions retirées) |
| \`followups/\` | les suivis et bilans des binômes |
| \`followup-codes/\` | à qui est chaque code de suivi des participants (une empreinte du code, jamais le code lui-même) |
| \`reports/\` | le bilan du programme, une période par dossier : page, PDF, graphiques et chiffres en CSV (effectifs seulement, petits effectifs masqués) |
| \`erasures/\` | ce qui reste d’une personne effacée : ce que les bilans comptent, sans rien qui l’identifie |
| \`conventions/\` | si les réglages le demandent (\`conventions.delivery: commit\`), une copie chiffrée de la convention de chaque binôme ; elle devient illisible pour de bon dès que l’un des deux membres est effacé |

## Au quotidien

- **Nouvelles candidatures** : l’issue « Candidatures à examiner » les liste (numéro et profil,
  jamais de nom) ; abonnez-vous à cette issue (bouton « Subscribe ») : chaque nouvelle candidature
  y ajoute un commentaire, que GitHub vous envoie par courriel.
- **Vérification automatique** : à chaque modification, la validation vérifie chaque fichier. Sur
  une pull request, un commentaire (mis à jour à chaque passage) liste les problèmes à corriger.
  Ne fusionnez pas une pull request dont la validation échoue.
- **Décisions** : dans l’issue « Candidatures à examiner », commentez
  \`/decision <candidature> <statut> [motif]\`, par exemple \`/decision mentee-7f3k9q acceptee\`
  (statuts : nouvelle, entretien, acceptee, attente, non-retenue, retiree). Binôme répond par un
  commentaire.
- **Binômes** : onglet « Actions », « Binômes », « Run workflow » : choisissez la cohorte et le
  mode. Binôme ouvre une pull request « Binômes proposés » (ou met à jour celle qui est ouverte) ;
  la revue détaillée est dans \`reviews/<cohorte>.md\`. Modifiez la proposition en commentant la
  pull request : \`/retirer <binôme>\`, \`/associer <mentor> <mentoré>\`,
  \`/interdire <mentor> <mentoré>\`, \`/relancer [meilleurs|plus-nombreux]\`. Fusionnez-la pour
  accepter les binômes.
- **Conventions** : une fois la pull request fusionnée, la même exécution de « Binômes » remplit la
  convention de mentorat (PDF) de chaque binôme accepté : parties, objectifs, rencontres, dates,
  suivi, et les cases de signature (nom prérempli, date, signature), à imprimer ou à faire signer à
  l’écran. Téléchargez l’artefact « conventions » en bas de la page de l’exécution (rubrique
  « Artifacts » : un fichier .zip, avec un PDF par binôme nommé \`pair-….pdf\`) : il est gardé
  quelques jours seulement, car il contient les noms. Pour un binôme déjà en cours, donnez son
  identifiant. Pour les refaire, onglet « Actions »,
  « Conventions », « Run workflow » (vide : tous les binômes acceptés ; ou des identifiants
  \`pair-…\`). Ce workflow a besoin du secret \`BINOME_AGE_KEY\` (la clé privée de la
  coordination, dans « Settings », « Secrets and variables », « Actions ») : c’est le seul qui ouvre
  les identités. Si un nom contient des caractères que la police de caractères ne sait pas écrire, la case reste
  vide et le résumé demande de la compléter à la main.
- **Vie des binômes** : dans l’issue « Suivi des binômes » (ou une autre issue de ce dépôt),
  commentez \`/signee <binôme> <date>\` quand la convention est signée (ajoutez
  \`--representant <date>\` pour un mentoré mineur, ou \`--majeur\` s’il est devenu majeur),
  \`/pause <binôme>\`, \`/reprise <binôme>\`, puis \`/cloture <binôme> prevue\` à la fin, ou
  \`/cloture <binôme> <motif>\` si le mentorat s’arrête plus tôt (motifs : indisponible,
  objectif-atteint, desaccord, manquement, autre). Un motif écrit après \`--motif\` ne doit nommer
  personne. Notez aussi \`/contact <binôme> [date]\` quand l’équipe a pris contact avec le binôme,
  \`/mi-parcours <binôme> [date]\` après le point de mi-parcours, et \`/codes <binôme>\` pour
  remplacer un code de suivi perdu.
- **Suivi des binômes** : chaque lundi matin, l’issue « Suivi des binômes » est mise à jour
  (abonnez-vous-y) : pour chaque binôme en cours, en pause ou terminé sans bilan reçu, une case
  par point à traiter (première rencontre non signalée, aucune rencontre depuis longtemps, point
  d’étape en retard, participant qui demande à être contacté, bilan de fin non reçu) et ce qui est
  attendu dans les sept jours. Quand un point apparaît, un commentaire le signale (GitHub vous
  l’envoie par courriel) ; une fois réglé (une rencontre signalée, un contact noté avec
  \`/contact <binôme>\`…), sa case revient cochée, « réglé », pendant huit semaines. C’est dans
  cette issue que se commentent les commandes de la vie des binômes. Pour la mettre à jour tout de
  suite : onglet « Actions », « Suivi des binômes », « Run workflow ».
- **Bilan du programme** : le 2 de chaque mois (réglage \`reports.schedule\`), « Rapports »
  compile le bilan du mois écoulé (et, en septembre, celui de l’année scolaire terminée) dans
  \`reports/<période>/\` :
  \`rapport.html\` (la page), \`rapport.pdf\` (à imprimer ou à envoyer à la ville et aux
  financeurs), \`graphiques/\` et \`chiffres.csv\` (pour un tableur) ; le \`README.md\` du
  dossier en donne le résumé. Il ne contient que des effectifs : un effectif inférieur à 5 est écrit
  « moins de 5 », et ce qui permettrait de le retrouver est « masqué ». Les citations viennent des
  seuls bilans dont l’auteur a accepté d’être cité anonymement, sans les noms, organisations ni
  coordonnées. Par défaut (\`reports.delivery: pull-request\`) le bilan arrive en pull request :
  relisez-le, citations comprises, puis fusionnez-la. Pour une autre période (un mois
  \`2026-11\`, une année scolaire \`2026-2027\`, une cohorte \`cohorte-2026-2027\`) : onglet
  « Actions », « Rapports », « Run workflow ». Les citations demandent le secret
  \`BINOME_AGE_KEY\` (pour connaître les noms à retirer) : sans lui, elles ne sont pas publiées.
- **Qui peut utiliser les commandes** : seules les personnes qui ont le droit d’écriture sur ce dépôt ; les
  commandes des autres sont ignorées, et la réponse le dit.
- **Effacer une personne** (à sa demande) : onglet « Actions », « Effacer une personne »,
  « Run workflow » : donnez son identifiant (par exemple \`mentee-7f3k9q\`), jamais son nom. Sa
  candidature et sa décision de sélection disparaissent, et la clé qui ouvrait son identité est
  détruite : personne ne peut plus la lire, même dans l’historique. Le résumé de l’action dit ce qui reste.
  C’est irréversible.
- **Conservation des données** : chaque lundi, Binôme ouvre (ou met à jour) une pull request
  « Conservation des données » qui liste, par identifiant et avec le motif, ce qui a dépassé sa
  durée de conservation. Relisez-la puis fusionnez-la : les clés des personnes effacées sont
  alors détruites. Rien n’est détruit tant qu’elle n’est pas fusionnée.
- **Confidentialité** : les noms, courriels et téléphones ne figurent que dans les fichiers de
  candidature, chiffrés (seule la clé de la coordination les ouvre, avec \`npm run reveal\`), et
  dans les conventions. Le reste d’une candidature (études, objectifs, disponibilités) est lisible
  par toute personne qui a accès à ce dépôt : gardez-le privé. N’écrivez jamais de nom dans un
  titre, un commentaire ou un nom de branche.
`;

/** The files a new data repository starts with: its folders, its workflows and a README in French. */
export function dataRepositoryFiles(options: SetupOptions): TextFileChange[] {
  if (!/^[\w.-]+\/[\w.-]+$/.test(options.project))
    throw new Error(`--project must read owner/name, not "${options.project}".`);
  if (!/^[\w.\-/]+$/.test(options.ref))
    throw new Error(`--ref must be a tag or branch name, not "${options.ref}".`);
  for (const cohort of options.matching?.cohorts ?? [])
    if (!/^[0-9]{4}-[0-9]{4}$/.test(cohort)) throw new Error(`Not a cohort id: "${cohort}".`);
  for (const cron of [options.matching?.cron, options.reports?.cron])
    if (cron && !/^[0-9*/,\- ]+$/.test(cron)) throw new Error(`Not a cron schedule: "${cron}".`);
  return [
    { path: 'README.md', content: readme },
    { path: '.github/workflows/validation.yml', content: callerWorkflow(options) },
    { path: '.github/workflows/candidatures.yml', content: digestWorkflow(options) },
    { path: '.github/workflows/binomes.yml', content: matchWorkflow(options) },
    { path: '.github/workflows/commandes.yml', content: commandsWorkflow(options) },
    { path: '.github/workflows/effacement.yml', content: eraseWorkflow(options) },
    { path: '.github/workflows/conservation.yml', content: retentionWorkflow(options) },
    { path: '.github/workflows/conventions.yml', content: conventionsWorkflow(options) },
    { path: '.github/workflows/suivi.yml', content: followUpWorkflow(options) },
    { path: '.github/workflows/rapports.yml', content: reportWorkflow(options) },
    ...initialFolders.map((folder) => ({ path: `${folder}/.gitkeep`, content: '' })),
  ];
}
