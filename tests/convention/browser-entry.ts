// What the browser test bundles: the convention's code as a browser page would call it (the
// coordinators' desk, issue 15), fonts and text given as data.
import type { ProgrammeSettings } from '../../schemas/programme.schema.ts';
import { ConventionMaker } from '../../scripts/convention/convention-maker.ts';
import type { Particulars } from '../../scripts/convention/convention-particulars.ts';
import { parseConvention } from '../../scripts/convention/convention-source.ts';

const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

export async function fillInTheBrowser(input: {
  markdown: string;
  settings: ProgrammeSettings;
  regular: string;
  bold: string;
  particulars: Particulars;
  now: string;
}): Promise<string> {
  const maker = new ConventionMaker({
    source: parseConvention(input.markdown),
    settings: input.settings,
    fonts: { regular: fromBase64(input.regular), bold: fromBase64(input.bold) },
  });
  const { bytes } = await maker.fill(input.particulars, new Date(input.now));
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}
