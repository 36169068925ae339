import { createHash } from 'node:crypto';
import { buildTemplate, type ConventionAssets, type Template } from './build-template.ts';
import type { Particulars } from './convention-particulars.ts';
import { fillConvention, type FilledConvention } from './fill-convention.ts';

/** Where a convention's fingerprint sits in its metadata (fill-convention.ts writes it). */
const fingerprintEntry = /\/BinomeFingerprint \(([0-9a-f]{64})\)/g;

/** The fingerprint written into a convention's metadata, if it has one (its last update's). */
export function fingerprintOf(pdf: Uint8Array): string | undefined {
  const tail = new TextDecoder('latin1').decode(pdf.subarray(Math.max(0, pdf.length - 4096)));
  return [...tail.matchAll(fingerprintEntry)].at(-1)?.[1];
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
      template = buildTemplate(this.#assets, { kind: 'filled', representative }).then((t) => ({
        ...t,
        // The template's bytes hold the text, the fonts, the logo and the layout; the settings
        // also shape the cover each pair's update draws.
        digest: createHash('sha256')
          .update(t.bytes)
          .update(JSON.stringify(this.#assets.settings))
          .digest('hex'),
      }));
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
    return createHash('sha256')
      .update(JSON.stringify({ template: template.digest, particulars }))
      .digest('hex');
  }

  /** `particulars`' convention, dated `now`. */
  async fill(
    particulars: Particulars,
    now: Date,
  ): Promise<FilledConvention & { fingerprint: string }> {
    const template = await this.#template(hasRepresentative(particulars));
    const fingerprint = await this.fingerprint(particulars);
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

function hasRepresentative(p: Particulars): boolean {
  return p.representative !== undefined || p.representativeMissing === true;
}
