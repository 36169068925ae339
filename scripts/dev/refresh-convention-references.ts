// Draws again the pictures the convention's rendering test compares with
// (tests/convention/references/): every page of the blank convention and of a filled one, as
// pdftoppm renders them. Run it when a change to the convention's look is intended, look at the
// new pictures, and commit them with the change.
//   npm run references:conventions
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { readSettings } from '../../schemas/read-settings.ts';
import { readConventionAssets } from '../commands/convention-assets.ts';
import { ConventionMaker } from '../convention/convention-maker.ts';
import {
  referenceConventions,
  referencePage,
  referenceRendering,
  referencesFolder,
} from './convention-reference-fixtures.ts';
import { scriptArguments } from './script-arguments.ts';

const usage = `Utilisation : npm run references:conventions
    dessine de nouveau chaque page de la convention vierge et d’une convention remplie
    (pdftoppm) dans tests/convention/references/, les images auxquelles les tests comparent le
    rendu. À lancer exprès après un changement voulu du texte ou de la mise en page : regardez
    les nouvelles images avant de les enregistrer.`;
// --help prints the usage and does nothing else: no browser started, no file written.
scriptArguments(usage, {});

const run = promisify(execFile);
const folder = resolve(referencesFolder);
const settings = readSettings(await readFile(resolve('content/programme.yaml'), 'utf8'));
const maker = new ConventionMaker(await readConventionAssets(settings));
const scratch = await mkdtemp(join(tmpdir(), 'binome-convention-references-'));
try {
  await mkdir(folder, { recursive: true });
  for (const { name, bytes } of await referenceConventions(maker)) {
    const pdf = join(scratch, `${name}.pdf`);
    await writeFile(pdf, bytes);
    try {
      await run('pdftoppm', [...referenceRendering.args, pdf, join(scratch, name)]);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT')
        throw new Error(
          'pdftoppm is missing: install poppler-utils (apt-get install poppler-utils).',
        );
      throw error;
    }
    for (const file of await readdir(folder))
      if (referencePage(file, name) !== undefined) await rm(join(folder, file));
    const pages = (await readdir(scratch))
      .map((file) => ({ file, page: referencePage(file, name) }))
      .filter((p): p is { file: string; page: number } => p.page !== undefined)
      .sort((a, b) => a.page - b.page);
    for (const { file, page } of pages) {
      const target = join(folder, `${name}-${page}.png`);
      await writeFile(target, await readFile(join(scratch, file)));
      console.log(`${referencesFolder}/${name}-${page}.png  ${(await stat(target)).size} bytes`);
    }
  }
} finally {
  await rm(scratch, { recursive: true, force: true });
}
