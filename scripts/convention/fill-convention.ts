import type { ProgrammeSettings } from '../../schemas/programme.schema.ts';
import { slots, type Template } from './build-template.ts';
import { contentStream } from './content-stream.ts';
import type { Particulars } from './convention-particulars.ts';
import { layOutCover, type Handwritten } from './lay-out-cover.ts';
import { nameAppearance, nameOf } from './name-appearance.ts';
import { ascii, indirectObject, pdfDate, textString, xrefStream } from './pdf-syntax.ts';

export interface FilledConvention {
  bytes: Uint8Array;
  /** What must be written by hand (a value the font cannot draw), by label, never by value. */
  handwritten: Handwritten[];
}

export interface FillOptions {
  settings: ProgrammeSettings;
  title: string;
  /** The document's dates (its metadata): the same input and clock give the same bytes. */
  now: Date;
  /** Written into the metadata, so that a later run knows the file is up to date. */
  fingerprint: string;
}

/**
 * A filled convention: `template` (built once) with an incremental update appended, which
 * draws the pair's cover page, prefills each signatory's name field and sets the metadata.
 * Nothing is parsed and no font is embedded: a few kilobytes are written per pair (issue 11).
 */
export function fillConvention(
  template: Template,
  particulars: Particulars,
  options: FillOptions,
): FilledConvention {
  const plan = template.plan;
  const cover = layOutCover(
    options.settings,
    plan.faces,
    options.title,
    plan.pageCount,
    particulars,
  );
  const handwritten = [...cover.handwritten];
  if (particulars.representativeMissing)
    handwritten.push({ field: 'Représentant légal du mentoré (nom absent de la candidature)' });
  let next = plan.size;
  const objects: [number, Uint8Array[]][] = [];
  const coverContents = next++;
  objects.push([
    coverContents,
    indirectObject(coverContents, '<< >>', contentStream(cover.marks, plan.faces)),
  ]);
  objects.push([
    plan.cover.number,
    indirectObject(
      plan.cover.number,
      plan.cover.dict.replace(slots.contents, `[${plan.cover.contents} ${coverContents} 0 R]`),
    ),
  ]);
  for (const [role, field] of Object.entries(plan.names)) {
    const name = nameOf(particulars, role as keyof typeof plan.names, options.settings) ?? '';
    const drawn = nameAppearance(name, plan.faces, field.width, field.height);
    let appearance = field.emptyAppearance;
    if (drawn) {
      const number = next++;
      objects.push([
        number,
        indirectObject(
          number,
          `<< /Type /XObject /Subtype /Form /BBox [0 0 ${field.width} ${field.height}] /Resources << /Font << /F1 ${plan.regularFont} 0 R >> >> >>`,
          drawn,
        ),
      ]);
      appearance = `<< /N ${number} 0 R >>`;
    } else if (name !== '') handwritten.push({ field: `Nom et prénom (${field.label})` });
    objects.push([
      field.number,
      indirectObject(
        field.number,
        field.dict
          .replace(slots.value, textString(drawn ? name : ''))
          .replace(slots.appearance, drawn ? appearance : field.emptyAppearance),
      ),
    ]);
  }
  const s = options.settings.structure;
  const date = pdfDate(options.now);
  objects.push([
    plan.info,
    indirectObject(
      plan.info,
      `<< /Title ${textString(`${options.title} – binôme ${particulars.pairId}`)} /Author ${textString(s.name)} /Subject ${textString(`Convention de mentorat du binôme ${particulars.pairId}, cohorte\u00a0: ${particulars.cohortLabel}`)} /Creator ${textString('Binôme')} /Producer ${textString('Binôme (pdf-lib)')} /CreationDate ${date} /ModDate ${date} /BinomeFingerprint (${options.fingerprint}) >>`,
    ),
  ]);

  const parts: Uint8Array[] = [template.bytes, ascii('\n')];
  let offset = template.bytes.length + 1;
  const offsets = new Map<number, number>();
  for (const [number, chunks] of objects) {
    offsets.set(number, offset);
    for (const chunk of chunks) {
      parts.push(chunk);
      offset += chunk.length;
    }
  }
  const xref = next++;
  parts.push(
    ...xrefStream(
      xref,
      offset,
      offsets,
      `/Size ${next} /Root ${plan.root} 0 R /Info ${plan.info} 0 R /Prev ${plan.startXref} /ID [<${plan.id}> <${options.fingerprint.slice(0, 32)}>]`,
    ),
  );
  const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    bytes.set(part, at);
    at += part.length;
  }
  return { bytes, handwritten };
}
