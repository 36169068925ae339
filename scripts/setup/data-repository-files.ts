import { folders, initialFolders, retentionBranch } from '../../schemas/data-layout.ts';
import { frenchTypography } from '../../schemas/french-typography.ts';
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

/**
 * The data repository's README: the coordinators' guide, one section per task, in French with
 * its no-break spaces (« : », « ; »…) put in by the same function as the site's texts.
 */
export const coordinatorsGuide = frenchTypography(`# Données du programme de mentorat

Ce dépôt privé contient les candidatures, les décisions et les binômes du programme. Il est tenu
par Binôme : ne le rendez jamais public, et n’y copiez pas de données ailleurs que dans ces dossiers.

Ce guide est écrit pour les coordinatrices et coordinateurs du programme. Il ne demande aucune
connaissance en programmation : tout se fait sur le site de GitHub (les issues, les pull requests,
l’onglet « Actions ») ou dans l’espace coordination, par des commandes en français écrites en
commentaire. On ne modifie jamais un fichier à la main.

## Sommaire

1. [Avant de commencer](#avant-de-commencer)
2. [Examiner les candidatures](#examiner-les-candidatures)
3. [Relire et modifier une proposition de binômes](#relire-et-modifier-une-proposition-de-binômes)
4. [Imprimer et suivre les conventions](#imprimer-et-suivre-les-conventions)
5. [Lire le suivi de la semaine](#lire-le-suivi-de-la-semaine)
6. [Mettre en pause ou clore un binôme](#mettre-en-pause-ou-clore-un-binôme)
7. [Produire le bilan du programme](#produire-le-bilan-du-programme)
8. [Répondre aux demandes des personnes](#répondre-aux-demandes-des-personnes) : droit d’accès,
   effacement, durées de conservation
9. [Garder les clés](#garder-les-clés)
10. [Utiliser la page Espace coordination](#utiliser-la-page-espace-coordination)
11. [Ce que contient ce dépôt](#ce-que-contient-ce-dépôt)

## Avant de commencer

- **Qui peut utiliser les commandes** : seules les personnes qui ont le droit d’écriture sur ce
  dépôt ; les commandes des autres sont ignorées, et la réponse le dit. Pour donner ce droit à
  une collègue : « Settings », « Collaborators » (« Collaborators and teams » pour le dépôt d’une
  organisation), « Add people » ; dans une organisation, choisissez le rôle « Write ». Sur le
  dépôt d’un compte personnel, toute personne invitée a ce droit.
- **Comment écrire une commande** : dans un commentaire, une commande par ligne, qui commence par
  une barre oblique, par exemple \`/decision mentee-7f3k9q acceptee\`. Dix commandes au plus par
  commentaire ; les autres lignes du commentaire sont ignorées. Le workflow « Commandes » vérifie
  votre droit d’écriture, exécute chaque commande, puis Binôme répond par un commentaire : ✅
  pour ce qui a été fait, ❌ avec la raison pour ce qui ne l’a pas été. La réponse arrive en
  général en une à trois minutes (le temps que GitHub lance le workflow et l’installe).
- **Des identifiants, jamais des noms** : chaque personne a un identifiant (\`mentee-7f3k9q\` pour
  un mentoré, \`mentor-4h8d2m\` pour un mentor), chaque binôme aussi (\`pair-4h8d2m-7f3k9q\`).
  GitHub n’affiche que ces identifiants ; les noms sont chiffrés. Pour voir qui est derrière un
  identifiant, utilisez l’espace coordination (section 10). N’écrivez jamais de nom, de
  courriel ni de téléphone dans un titre, un commentaire, un motif ou un nom de branche : tous
  les collaborateurs les lisent, et GitHub les envoie par courriel.
- **Être prévenu** : abonnez-vous (bouton « Subscribe ») aux issues « Candidatures à examiner »
  et « Suivi des binômes » ; GitHub vous envoie alors par courriel chaque nouveau commentaire.
- **Vérification automatique** : à chaque modification, le workflow « Validation des données »
  vérifie chaque fichier. Sur une pull request, un commentaire (mis à jour à chaque passage) liste
  les problèmes à corriger. Ne fusionnez pas une pull request dont la validation échoue.
- **L’onglet « Actions »** : chaque tâche automatique y a son workflow. Pour en lancer un à la
  main : onglet « Actions », son nom dans la liste de gauche, puis « Run workflow ». En bas de la
  page d’une exécution terminée, la rubrique « Artifacts » donne les fichiers qu’elle a produits
  (conventions, fiches de suivi, invitations), en .zip.

## Examiner les candidatures

1. L’issue « Candidatures à examiner » liste les candidatures qui attendent un entretien ou une
   décision : leur numéro, leur statut, leur date, leur cohorte et leur profil (études,
   objectifs, secteur), jamais de nom. Chaque nouvelle candidature y ajoute un commentaire, que
   GitHub vous envoie par courriel si vous êtes abonné. Une candidature dont la colonne « À vérifier »
   dit « oui » a été envoyée sans le contrôle anti-robot (navigateur sans JavaScript) : vérifiez
   qu’une vraie personne l’a écrite.
2. Pour connaître le nom et les coordonnées d’une personne avant de l’appeler, ouvrez l’espace
   coordination (section 10).
3. Enregistrez chaque décision en commentant cette même issue :
   \`/decision <candidature> <statut> [motif]\`, par exemple \`/decision mentee-7f3k9q entretien\`
   après l’entretien, puis \`/decision mentee-7f3k9q acceptee Entretien concluant\`. Statuts :
   nouvelle, entretien, acceptee, attente (liste d’attente), non-retenue, retiree (la personne
   retire sa candidature). Le motif, facultatif, ne doit nommer personne. Binôme répond par un
   commentaire ; la décision est gardée, avec son historique, dans \`screening/\`.
4. Seules les personnes acceptées sont proposées à l’appariement.

Cette commande ne marche que dans l’issue « Candidatures à examiner ».

## Relire et modifier une proposition de binômes

**Lancer l’appariement.** Onglet « Actions », « Binômes », « Run workflow » : choisissez la
cohorte et le mode (« meilleurs » : le total de points le plus haut ; « plus-nombreux » : le plus
de personnes en binôme, puis le meilleur total). Si les réglages prévoient un calendrier
(\`matching.schedule\`, écrit dans ce dépôt par \`npm run setup-data-repo\` : après l’avoir
changé, relancez cette commande), « Binômes » se lance aussi tout seul. Binôme ouvre alors une pull request
« Binômes proposés — cohorte … » (ou met à jour celle qui est ouverte) : une seule par cohorte.

**Lire la proposition.** La description de la pull request résume la proposition : le nombre de
binômes, le score moyen et le plus bas, les mentorés sans binôme, les places de mentor restées
libres et vos modifications. Le lien « la revue » ouvre le détail, \`reviews/<cohorte>.md\` :
pour chaque binôme, son identifiant, ce qui compte (objectifs communs, secteur, disponibilités,
langues, mode de rencontre), son score et ses raisons, point par point ; puis chaque mentoré sans
binôme et pourquoi (aucun mentor compatible, et quelle règle les écarte, ou d’autres mieux
placés), et chaque mentor qui garde des places libres. L’espace coordination montre la même
proposition avec les noms.

**La modifier**, en commentant la pull request :

- \`/retirer <binôme>\` retire ce binôme de la proposition ; il ne sera plus proposé pour cette
  cohorte ;
- \`/associer <mentor> <mentoré>\` impose un binôme, si aucune règle ne l’interdit (sinon la réponse
  nomme la règle : mode de rencontre, places du mentor, conflit d’intérêts…) ;
- \`/interdire <mentor> <mentoré>\` interdit cette association, pour toujours ;
- \`/relancer [meilleurs|plus-nombreux]\` recalcule la proposition en gardant vos modifications,
  par exemple \`/relancer plus-nombreux\`.

Binôme met à jour la pull request, la revue et le commentaire de validation, puis répond. Ne
modifiez pas les fichiers de la pull request à la main : passez par ces commandes.

**L’accepter.** Quand la proposition vous convient (et que sa validation réussit), fusionnez la
pull request (« Merge pull request ») : les binômes sont acceptés, et la même exécution de
« Binômes » remplit aussitôt leurs conventions (section suivante).

## Imprimer et suivre les conventions

**Télécharger les conventions.** Une fois la pull request fusionnée, la même exécution de
« Binômes » remplit la convention de mentorat (PDF) de chaque binôme accepté : parties,
objectifs, rencontres, dates, suivi, et les cases de signature (nom prérempli, date, signature),
à imprimer ou à faire signer à l’écran. Téléchargez l’artefact « conventions » en bas de la page
de l’exécution (rubrique « Artifacts » : un fichier .zip, avec un PDF par binôme nommé
\`pair-….pdf\`) : il est gardé quelques jours seulement (7 par défaut, réglage
\`conventions.artifactRetentionDays\`), car il contient les noms. Ne les déposez pas dans ce
dépôt ; gardez les PDF sur un ordinateur de la structure, pas sur une clé qui circule.

**Les refaire.** Onglet « Actions », « Conventions », « Run workflow » : vide, tous les binômes
acceptés ; ou des identifiants \`pair-…\` séparés par des espaces (pour un binôme déjà en cours,
donnez son identifiant). Ce workflow a besoin du secret \`BINOME_AGE_KEY\` (la clé privée de la
coordination, dans « Settings », « Secrets and variables », « Actions ») ; seuls « Binômes »
(pour les conventions), « Conventions » et « Rapports » le reçoivent et ouvrent les identités. Si un nom contient des caractères que la police de
caractères ne sait pas écrire, la case reste vide et le résumé demande de la compléter à la
main. L’espace coordination sait aussi remplir la convention d’un binôme, dans votre navigateur.

**La première rencontre.** Dans l’issue « Suivi des binômes », \`/rendez-vous <binôme> <date>
<heure>\` (par exemple \`/rendez-vous pair-4h8d2m-7f3k9q 10/12/2026 18h30\`, et \`--duree <minutes>\`
si elle n’est pas d’une heure) prépare l’invitation à la première rencontre à la structure,
un fichier .ics à envoyer aux deux participants : il est dans l’artefact « documents » de
l’exécution de « Commandes », gardé trois jours.

**Noter la signature.** Quand la convention est signée, commentez dans l’issue « Suivi des
binômes » (ou une autre issue de ce dépôt) \`/signee <binôme> <date>\` (date AAAA-MM-JJ) ; si les
signataires ont signé à des jours différents, donnez une date par signataire avec \`--mentor\`,
\`--mentore\` et \`--structure\`. Pour un mentoré mineur à sa candidature, ajoutez
\`--representant <date>\` (la signature de son représentant légal), ou \`--majeur\` s’il est devenu
majeur avant de signer. Le binôme passe alors « en cours », et chaque participant reçoit son
code de suivi, personnel, sur une fiche à lui remettre avec son exemplaire signé : les fiches
sont dans l’artefact « documents » de l’exécution de « Commandes » (gardé trois jours), jamais
dans un commentaire. Un code perdu ou divulgué : \`/codes <binôme> [mentor|mentore]\` en donne un
nouveau (aux deux participants, ou à celui nommé), et l’ancien ne marche plus.

**Suivre les signatures.** L’issue « Suivi des binômes » signale chaque binôme dont la première
rencontre n’a pas été signalée à temps, et l’espace coordination montre, pour chaque binôme
accepté, s’il est signé.

## Lire le suivi de la semaine

Chaque lundi matin, l’issue « Suivi des binômes » est mise à jour (abonnez-vous-y) : pour chaque
binôme en cours, en pause ou terminé sans bilan reçu, une case par point à traiter (première
rencontre non signalée, aucune rencontre depuis longtemps, point d’étape en retard, participant
qui demande à être contacté, bilan de fin non reçu), depuis quand, et ce qui est attendu dans
les sept jours. Elle ne nomme personne : seulement les identifiants des binômes.

- Quand un point apparaît, un commentaire le signale (GitHub vous l’envoie par courriel).
- Une fois réglé (une rencontre signalée, un contact noté avec \`/contact <binôme>\`…), sa case
  revient cochée, « réglé », pendant huit semaines.
- Notez \`/contact <binôme> [date]\` quand l’équipe a pris contact avec le binôme, et
  \`/mi-parcours <binôme> [date]\` après le point de mi-parcours (sans date : aujourd’hui).
- Les participants remplissent eux-mêmes, avec leur code de suivi, le « Point d’étape » du site
  (une minute, chaque mois) et, à la fin, le « Bilan de fin de mentorat ».

C’est dans cette issue que se commentent les commandes de la vie des binômes. Pour la mettre à
jour tout de suite : onglet « Actions », « Suivi des binômes », « Run workflow ».

## Mettre en pause ou clore un binôme

Dans l’issue « Suivi des binômes » :

- \`/pause <binôme>\` met le binôme en pause (les échéances sont décalées d’autant) ; ajoutez si
  besoin \`--motif\` suivi d’un motif court, par exemple \`/pause pair-4h8d2m-7f3k9q --motif Examens\`.
- \`/reprise <binôme>\` le remet en cours.
- \`/cloture <binôme> prevue\` à la fin prévue (à la date de fin prévue ou après).
- \`/cloture <binôme> <motif>\` si le mentorat s’arrête plus tôt. Motifs : indisponible,
  objectif-atteint, desaccord, manquement, autre. Les deux membres peuvent alors être proposés
  à un autre binôme (jamais de nouveau ensemble).

Un motif écrit après \`--motif\` ne doit nommer personne. Un mentoré dont le mentorat est allé à
son terme n’est plus proposé à l’appariement ; un mentor peut prendre quelqu’un d’autre. Après
la clôture, chaque participant peut encore remplir le « Bilan de fin de mentorat » pendant 60
jours ; l’issue de suivi signale un bilan qui n’arrive pas.

## Produire le bilan du programme

Le 2 de chaque mois (réglage \`reports.schedule\`, écrit dans ce dépôt par
\`npm run setup-data-repo\` : après l’avoir changé, relancez cette commande), « Rapports » compile le bilan du mois écoulé
(et, en septembre, celui de l’année scolaire terminée) dans \`reports/<période>/\` :
\`rapport.html\` (la page), \`rapport.pdf\` (à imprimer ou à envoyer à la ville et aux financeurs),
\`graphiques/\` et \`chiffres.csv\` (pour un tableur) ; le \`README.md\` du dossier en donne le
résumé.

- Il ne contient que des effectifs : un effectif inférieur au seuil des réglages
  (\`reports.threshold\`, 5 par défaut) est écrit « moins de 5 » (avec le seuil choisi), et ce
  qui permettrait de le retrouver est « masqué ».
- Les citations viennent des seuls bilans dont l’auteur a accepté d’être cité anonymement, sans
  les noms, organisations ni coordonnées. Elles demandent le secret \`BINOME_AGE_KEY\` (pour
  connaître les noms à retirer) : sans lui, elles ne sont pas publiées.
- Par défaut (\`reports.delivery: pull-request\`) le bilan arrive en pull request : relisez-le,
  citations comprises (un surnom ou un nombre écrit en lettres peut avoir échappé au masquage),
  puis fusionnez-la.
- Pour une autre période (un mois \`2026-11\`, une année scolaire \`2026-2027\`, une cohorte
  \`cohorte-2026-2027\`) : onglet « Actions », « Rapports », « Run workflow », et la période.

## Répondre aux demandes des personnes

Une personne peut demander ce que le programme sait d’elle (droit d’accès) ou son effacement. Le
responsable de traitement doit répondre dans un délai d’un mois. Identifiez toujours la
personne par son identifiant (\`mentee-…\` ou \`mentor-…\`) : l’espace coordination le montre à côté
de son nom.

**Droit d’accès.** Il n’y a pas de workflow pour cela : la réponse contient l’identité en clair,
et ne doit passer ni par GitHub ni par un artefact. Sur un ordinateur où Binôme est installé
(demandez à la personne qui l’a installé), avec la clé de la coordination et un jeton GitHub
qui peut lire ce dépôt (celui de l’espace coordination convient) :

\`\`\`sh
read -rs -p 'Jeton GitHub : ' BINOME_GITHUB_TOKEN && export BINOME_GITHUB_TOKEN
BINOME_GITHUB_REPOSITORY=<propriétaire>/<nom-du-dépôt> \\
  npm run subject-access -- <identifiant ou adresse électronique> --key <fichier de la clé>
\`\`\`

(La première ligne demande le jeton sans l’afficher ni le garder dans l’historique du terminal.)

La commande retrouve la personne par son identifiant, par son adresse électronique ou par celle
de son représentant légal, et écrit deux fichiers lisibles par vous seul, dans le dossier
\`binome-acces\` de votre dossier personnel : \`acces-<id>.txt\` (le résumé en français, avec les mots
des formulaires) et \`acces-<id>.json\` (les mêmes données, pour les transmettre à un autre
service). Envoyez-les à la personne par un moyen sûr, puis supprimez-les.

**Effacement.** Onglet « Actions », « Effacer une personne », « Run workflow » : donnez son
identifiant (par exemple \`mentee-7f3k9q\`), jamais son nom. Sa candidature et sa décision de
sélection disparaissent, et la clé qui ouvrait son identité est détruite. C’est irréversible.
Son identité ne sera illisible pour de bon, même dans l’historique, qu’une fois les deux clés
changées (ci-dessous, et section suivante) : GitHub garde un temps une copie de la clé détruite,
que les clés actuelles ouvrent encore. Le résumé de l’action dit ce qui reste.

- Ce qui reste : son profil (études, objectifs) dans l’historique, sans nom, les binômes qui
  portent son identifiant (ils sont aussi l’histoire de l’autre personne), et dans \`erasures/\`
  ce que les bilans comptent.
- Les conventions et fiches déjà téléchargées, elles, ne s’effacent pas toutes seules :
  supprimez les PDF imprimés ou enregistrés ; les artefacts déjà produits restent
  téléchargeables jusqu’à leur expiration (le résumé de l’effacement dit comment les supprimer
  plus tôt).
- Après un effacement, changez donc les deux clés (section suivante, « Changer de clés ») :
  c’est ce qui ferme pour de bon l’accès à la copie que GitHub garde un temps. Plusieurs
  effacements peuvent attendre le même changement, à faire dans le mois.

**Conservation des données.** Chaque lundi, Binôme ouvre (ou met à jour) une pull request
« Conservation des données » qui liste, par identifiant et avec le motif, ce qui a dépassé sa
durée de conservation. Relisez-la puis fusionnez-la : les clés des personnes effacées sont alors
détruites. Rien n’est détruit tant qu’elle n’est pas fusionnée ; si vous la fermez sans la
fusionner, dites pourquoi en commentaire.

## Garder les clés

Les noms, coordonnées et dates de naissance sont chiffrés. Deux clés privées les ouvrent :

- **la clé de la coordination** (un fichier qui commence par \`AGE-SECRET-KEY-1\`) : dans le
  gestionnaire de mots de passe des coordinateurs, et dans le secret \`BINOME_AGE_KEY\` de ce
  dépôt (« Settings », « Secrets and variables », « Actions » ; le fichier entier), pour les
  workflows « Binômes », « Conventions » et « Rapports » ;
- **la clé de sauvegarde**, hors ligne : imprimée ou sur une clé USB, dans un coffre. Elle ne
  sert que si la première est perdue.

Leurs deux clés publiques (\`age1…\`) sont dans les réglages du site (\`encryption.recipients\`).
Ne mettez jamais une clé privée dans un dépôt, un commentaire, un courriel ou une messagerie.
Pour vérifier qu’une clé ouvre bien tout : \`npm run keys -- check --key <fichier>\`.

**Changer de clés**, quand une personne quitte l’équipe, qu’une clé a pu fuiter, ou après un
effacement (demandez à la personne qui a installé Binôme) :

1. créer deux nouvelles paires de clés (\`npm run keys -- new --out <fichier>\`) et remplacer les
   anciennes clés publiques dans les réglages ;
2. redéployer la réception des formulaires avec ces réglages : jusque-là, elle chiffre encore
   pour les anciennes clés ;
3. \`npm run keys -- rotate --key <anciennes clés>\`, avec un jeton qui a le droit d’écriture sur
   ce dépôt (« Contents : Read and write »), donné comme pour le droit d’accès ci-dessus
   (\`BINOME_GITHUB_REPOSITORY\` et \`BINOME_GITHUB_TOKEN\`), puis
   \`npm run keys -- check --key <nouvelle clé>\` ;
4. mettre la nouvelle clé de la coordination dans le secret \`BINOME_AGE_KEY\` ;
5. seulement alors, détruire les anciennes clés privées.

**Clé de la coordination perdue** : la clé de sauvegarde ouvre tout ; changez de clés comme
ci-dessus en donnant la clé de sauvegarde à l’étape 3. **Les deux perdues** : les identités
déjà enregistrées ne se lisent plus jamais (les profils, si) ; créez de nouvelles clés pour les
candidatures à venir. **Clé divulguée** : changez de clés tout de suite, et prévenez le
responsable de traitement.

Les jetons GitHub (celui de l’espace coordination, celui de la réception des formulaires)
n’ouvrent aucune identité, mais peuvent modifier ce dépôt : donnez-leur une date d’expiration
courte, et révoquez-les sur GitHub (« Settings », « Developer settings ») s’ils ont pu fuiter.

## Utiliser la page Espace coordination

L’espace coordination montre les personnes derrière les identifiants, **dans votre navigateur
seulement**, et agit par les mêmes commandes que ci-dessus. Son adresse : celle du site suivie
de \`/coordination/\` (par exemple \`https://mentorat.example.org/coordination/\`) ; elle n’est dans
aucun menu.

Il demande :

1. ce dépôt (\`propriétaire/nom\`) ;
2. un **jeton d’accès personnel à granularité fine** (GitHub, « Settings », « Developer
   settings », « Personal access tokens », « Fine-grained tokens »), limité à ce dépôt seul, avec
   les droits « Contents » en lecture, « Issues » et « Pull requests » en lecture et écriture, et
   une expiration courte : les commentaires sont publiés en votre nom, GitHub garde qui a fait
   quoi ;
3. le fichier de la clé de la coordination (\`AGE-SECRET-KEY-1…\`), ou ce fichier protégé par une
   phrase secrète, avec sa phrase secrète.

Vous y trouvez : les candidatures à examiner, avec nom, âge, commune, téléphone, courriel et les
boutons de décision (« Entretien réalisé », « Accepter », « Liste d’attente », « Non retenue ») ;
la proposition de binômes de chaque cohorte avec les noms, et « Retirer », « Associer »,
« Relancer » ; les binômes acceptés et suivis, avec les étapes (« Enregistrer la signature »,
« Contact fait », « Point de mi-parcours fait », pause, reprise, « Clôturer ») ; et la convention
de chaque binôme, à télécharger ou imprimer. Chaque bouton publie la commande que vous auriez
tapée, au bon endroit ; l’espace attend la réponse de Binôme (jusqu’à quatre minutes) et
l’affiche.

Rien n’est gardé : le jeton, la clé et les noms restent dans l’onglet, jamais enregistrés sur
l’ordinateur. « Fermer l’espace », ou fermer l’onglet, les oublie. Fermez-le toujours sur un
ordinateur partagé.

## Ce que contient ce dépôt

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
| \`intake/\` | la trace technique de l’accueil des formulaires (empreintes des envois et des défis anti-robot) : rien qui identifie une personne ; ne pas modifier |
| \`conventions/\` | si les réglages le demandent (\`conventions.delivery: commit\`), une copie chiffrée de la convention de chaque binôme ; elle devient illisible pour de bon dès que l’un des deux membres est effacé |

**Confidentialité** : les noms, courriels et téléphones ne figurent que dans les fichiers de
candidature, chiffrés (seule la clé de la coordination les ouvre, dans l’espace coordination ou
avec \`npm run reveal\`), et dans les conventions. Le reste d’une candidature (études, objectifs,
disponibilités) est lisible par toute personne qui a accès à ce dépôt : gardez-le privé.
`);

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
    { path: 'README.md', content: coordinatorsGuide },
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
