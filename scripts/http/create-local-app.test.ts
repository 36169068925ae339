import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  aCheckInForm,
  aPairWithCodes,
  programmeSettings,
  templates,
} from '../../tests/helpers/intake-harness.ts';
import { LocalGitStore } from '../store/local-git-store.ts';
import { createLocalApp } from './create-local-app.ts';

const origin = 'http://127.0.0.1:4321';

/** A built site holding the pages the intake answers with, shaped like the real ones. */
async function builtSite(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'binome-local-app-'));
  const { forms } = templates;
  const pages: Record<string, string> = {
    'candidature-recue': templates.receipt,
    'candidature-non-envoyee': templates.problems,
    'reponse-recue': templates.followUpReceipt,
    'reponse-non-envoyee': templates.followUpProblems,
    'devenir-mentor': forms.mentor,
    'trouver-un-mentor': forms.mentee,
    'point-etape': forms['check-in'],
    'bilan-du-mentorat': forms.bilan,
  };
  for (const [slug, html] of Object.entries(pages)) {
    await mkdir(join(root, slug));
    await writeFile(join(root, slug, 'index.html'), html);
  }
  return root;
}

async function app(root: string) {
  const store = new LocalGitStore(await mkdtemp(join(tmpdir(), 'binome-local-app-data-')));
  const handle = await createLocalApp({
    root,
    store,
    settings: programmeSettings(),
    origin,
    log: () => {},
    clock: () => new Date('2027-08-02T10:00:00Z'),
  });
  return { store, handle: (request: Request) => handle(request, { address: '127.0.0.1' }) };
}

describe('the local app', () => {
  it('answers the follow-up forms with the built follow-up pages', async () => {
    const { store, handle } = await app(await builtSite());
    const { mentor } = await aPairWithCodes(store, 1, 'active');
    const post = (entries: readonly (readonly [string, string])[]) =>
      handle(
        new Request(`${origin}/api/suivi/point-etape`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', origin },
          body: new URLSearchParams(entries.map(([k, v]) => [k, v])).toString(),
        }),
      );
    // With a mistake and without JavaScript: the page of the form itself.
    const wrong = await post(aCheckInForm(mentor, { 'mood.rating': undefined }));
    expect(wrong.status).toBe(422);
    expect(await wrong.text()).toContain('<title>Erreur – Formulaire check-in</title>');
    const sent = await post(aCheckInForm(mentor));
    expect(sent.status).toBe(303);
    const receipt = await handle(new Request(`${origin}${sent.headers.get('location')}`));
    expect(await receipt.text()).toContain('<h1>Réponse reçue</h1>');
    const refused = await handle(new Request(`${origin}/api/suivi/bilan`));
    expect(await refused.text()).toContain('<h1>Réponse non envoyée</h1>');
  });

  it('refuses to start on a site built without one of those pages, naming it', async () => {
    const root = await builtSite();
    await rm(join(root, 'reponse-recue'), { recursive: true });
    await expect(app(root)).rejects.toThrow(
      `${root} has no page /reponse-recue/: build the site again (npm run build).`,
    );
  });
});
