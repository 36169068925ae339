import { buildTemplate, type ConventionAssets, type Template } from './build-template.ts';
import type { Particulars } from './convention-particulars.ts';
import { fillConvention, type FilledConvention } from './fill-convention.ts';
import { sha256Hex } from './sha256-hex.ts';

/** Where a convention's fingerprint sits in its metadata (fill-convention.ts writes it). */
const fingerprintEntry = /\/BinomeFingerprint \(([0-9a-f]{64})\)/g;

/** Our update ends every convention we write: its metadata sit within these last bytes. */
const ourTail = 4096;

/** The fingerprint a convention was written with (its metadata's), if it has one. */
export function fingerprintOf(pdf: Uint8Array): string | undefined {
  const text = new TextDecoder('latin1').decode(pdf);
  return [...text.matchAll(fingerprintEntry)].at(-1)?.[1];
}

/**
 * Whether a convention was changed after we wrote it: signed on screen or saved again by a
 * viewer (an update appended after ours, or the whole file rewritten), or not written by us.
 */
export function changedSinceWritten(pdf: Uint8Array): boolean {
  const text = new TextDecoder('latin1').decode(pdf);
  const last = [...text.matchAll(fingerprintEntry)].at(-1);
  return last === undefined || last.index < text.length - ourTail;
}

/**
 * Makes the conventions of a programme: the blank one, and each pair's, filled in a fraction of
 * a millisecond on a template built once per kind (with or without a legal representative).
 * The same assets, particulars and clock give the same bytes.
 */
export class ConventionMaker {
  readonly #assets: ConventionAssets;
  readonly #templates = new Map<boolean, Promise<Template & { digest: string }>>();

  constructor(assets: ConventionAssets) {
    this.#assets = assets;
  }

  /** The blank, fillable convention offered on the site. */
  async blank(now: Date): Promise<Uint8Array> {
    return (await buildTemplate(this.#assets, { kind: 'blank', now })).bytes;
  }

  #template(representative: boolean): Promise<Template & { digest: string }> {
    let template = this.#templates.get(representative);
    if (!template) {
      template = buildTemplate(this.#assets, { kind: 'filled', representative }).then(
        async (t) => ({
          ...t,
          // The template's bytes hold the text, the fonts, the logo and the layout of the pages;
          // a probe filled with fixed particulars holds the cover's layout and wording, and the
          // settings it prints (only those: editing the site's texts rewrites no convention).
          digest: sha256Hex(
            t.bytes,
            fillConvention(t, probe, {
              settings: this.#assets.settings,
              title: this.#assets.source.title,
              now: new Date(0),
              fingerprint: '0'.repeat(64),
            }).bytes,
          ),
        }),
      );
      this.#templates.set(representative, template);
    }
    return template;
  }

  /**
   * What a pair's convention is made from, as a digest: its particulars and its template (the
   * text, the settings and the fonts). A convention whose metadata holds it is up to date.
   */
  async fingerprint(particulars: Particulars): Promise<string> {
    const template = await this.#template(hasRepresentative(particulars));
    return sha256Hex(JSON.stringify({ template: template.digest, particulars }));
  }

  /** `particulars`' convention, dated `now` (`known`: its fingerprint, if already computed). */
  async fill(
    particulars: Particulars,
    now: Date,
    known?: string,
  ): Promise<FilledConvention & { fingerprint: string }> {
    const template = await this.#template(hasRepresentative(particulars));
    const fingerprint = known ?? (await this.fingerprint(particulars));
    return {
      ...fillConvention(template, particulars, {
        settings: this.#assets.settings,
        title: this.#assets.source.title,
        now,
        fingerprint,
      }),
      fingerprint,
    };
  }
}

/** Fixed particulars whose convention shows any change in how the cover is made. */
const probe: Particulars = {
  pairId: 'pair-000000-000000',
  cohortLabel: 'cohorte',
  mentor: 'Prénom Nom',
  mentee: 'Prénom Nom',
  representative: 'Prénom Nom',
  objectives: ['Objectif'],
  otherObjective: 'Autre objectif',
  meetings: 'Rencontres',
  start: '2000-01-01',
  end: '2000-07-01',
  shortened: true,
  coordinator: 'Coordination',
};

function hasRepresentative(p: Particulars): boolean {
  return p.representative !== undefined || p.representativeMissing === true;
}
