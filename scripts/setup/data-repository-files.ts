import { folders, initialFolders } from '../../schemas/data-layout.ts';
import type { FileChange } from '../store/data-store.ts';

export interface SetupOptions {
  /** The Binôme project repository whose reusable workflows the data repository calls. */
  project: string;
  /** The Binôme release the programme runs, e.g. `v0.1.0`: upgrading changes this one ref. */
  ref: string;
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
    uses: ${project}/.github/workflows/validate-data.yml@${ref}
    with:
      binome-repository: ${project}
      binome-ref: ${ref}
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
    uses: ${project}/.github/workflows/digest-data.yml@${ref}
    with:
      binome-repository: ${project}
      binome-ref: ${ref}
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
| \`followups/\` | les suivis et bilans des binômes |
| \`reports/\` | les rapports (chiffres agrégés seulement) |

## Au quotidien

- **Nouvelles candidatures** : l’issue « Candidatures à examiner » les liste (numéro et profil,
  jamais de nom) ; abonnez-vous à cette issue (bouton « Subscribe ») : chaque nouvelle candidature
  y ajoute un commentaire, que GitHub vous envoie par courriel.
- **Vérification automatique** : à chaque modification, la validation vérifie chaque fichier. Sur
  une pull request, un commentaire (mis à jour à chaque passage) liste les problèmes à corriger.
  Ne fusionnez pas une pull request dont la validation échoue.
- **Confidentialité** : les noms, courriels et téléphones ne figurent que dans les fichiers de
  candidature et les conventions. N’en mettez jamais dans un titre, un commentaire ou un nom de branche.
`;

/** The files a new data repository starts with: its folders, its workflows and a README in French. */
export function dataRepositoryFiles(options: SetupOptions): FileChange[] {
  if (!/^[\w.-]+\/[\w.-]+$/.test(options.project))
    throw new Error(`--project must read owner/name, not "${options.project}".`);
  if (!/^[\w.\-/]+$/.test(options.ref))
    throw new Error(`--ref must be a tag or branch name, not "${options.ref}".`);
  return [
    { path: 'README.md', content: readme },
    { path: '.github/workflows/validation.yml', content: callerWorkflow(options) },
    { path: '.github/workflows/candidatures.yml', content: digestWorkflow(options) },
    ...initialFolders.map((folder) => ({ path: `${folder}/.gitkeep`, content: '' })),
  ];
}
