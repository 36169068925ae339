import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSettings } from './read-settings.ts';
import { rulesSettingsFrom } from './rules-context.ts';
import { nodesAlong, type SchemaNode } from './schema-walk.ts';
import { screeningDecisionSchema } from './screening-decision.schema.ts';
import { checkApplication, checkScreeningDecision, recordSchemas } from './validators.ts';

// Every text of every record, taken from the valid fixtures: slip a character into it and the
// record must be refused on that field. No list of fields to forget when one is added.
const context = rulesSettingsFrom(readSettings(readFileSync('content/programme.yaml', 'utf8')));
const records = [
  { name: 'mentee-application', schema: recordSchemas.mentee as SchemaNode },
  { name: 'mentor-application', schema: recordSchemas.mentor as SchemaNode },
  { name: 'screening-decision', schema: screeningDecisionSchema as SchemaNode },
];
const check = (name: string, data: unknown) =>
  name === 'screening-decision'
    ? checkScreeningDecision(data)
    : checkApplication(name === 'mentor-application' ? 'mentor' : 'mentee', data, context);

/** Every string of `value`, with its dotted path. */
function texts(value: unknown, path: string[] = []): { path: string[]; text: string }[] {
  if (typeof value === 'string') return [{ path, text: value }];
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([key, item]) => texts(item, [...path, key]));
  return [];
}

function withText(record: unknown, path: string[], text: string): unknown {
  const copy = structuredClone(record) as Record<string, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string, unknown>;
  node[path.at(-1)!] = text;
  return copy;
}

const cases = records.flatMap(({ name, schema }) =>
  readdirSync(join('schemas/__fixtures__', name))
    .filter((scenario) => scenario.startsWith('valid'))
    .flatMap((scenario) => {
      const record: unknown = JSON.parse(
        readFileSync(join('schemas/__fixtures__', name, scenario, 'input.json'), 'utf8'),
      );
      return texts(record).map(({ path, text }) => ({
        name,
        record,
        path,
        text,
        multiLine: nodesAlong(schema, path).at(-1)!.node['x-input'] === 'textarea',
        label: `${name}/${scenario}: ${path.join('.')}`,
      }));
    }),
);

/** The value with `inserted` in its middle, where no pattern anchors it. */
const slip = (text: string, inserted: string) =>
  text.slice(0, Math.ceil(text.length / 2)) + inserted + text.slice(Math.ceil(text.length / 2));

/** The value with `replacing` over its middle characters: same length, still within limits. */
const overwrite = (text: string, replacing: string) =>
  text.slice(0, Math.ceil(text.length / 2)) +
  replacing +
  text.slice(Math.ceil(text.length / 2) + replacing.length);

function expectRefusedOn(name: string, data: unknown, path: string[]) {
  const result = check(name, data);
  expect(result.ok).toBe(false);
  const fields = result.ok ? [] : result.problems.map((p) => p.field);
  expect(fields.some((field) => path.join('.').startsWith(field) && field !== '')).toBe(true);
}

describe('every text field of every record', () => {
  it('has texts to try', () => {
    expect(cases.length).toBeGreaterThan(100);
    expect(cases.filter((c) => c.multiLine).map((c) => c.path.join('.'))).toEqual(
      expect.arrayContaining(['profile.expectations', 'profile.objectiveOther']),
    );
  });

  const bidi = ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e'];
  const isolates = ['\u2066', '\u2067', '\u2068', '\u2069', '\u200e', '\u200f', '\u061c'];
  it.each(cases)('$label refuses every direction control', ({ name, record, path, text }) => {
    for (const control of [...bidi, ...isolates])
      expectRefusedOn(name, withText(record, path, slip(text, control)), path);
  });

  // Invisible or non-characters nobody types: other line breaks (U+0085, U+2028, U+2029), zero
  // width space, byte-order mark, non-characters and tag characters (found by a hostile review).
  const invisibles = ['\u0085', '\u2028', '\u2029', '\u200b', '\ufeff', '\uffff', '\u{e0041}'];
  it.each(cases)('$label refuses invisible and non-characters', ({ name, record, path, text }) => {
    for (const control of invisibles)
      expectRefusedOn(name, withText(record, path, slip(text, control)), path);
  });

  it.each(cases.filter((c) => !c.multiLine))(
    '$label, on one line, refuses CR, LF and TAB',
    ({ name, record, path, text }) => {
      for (const control of ['\r', '\n', '\r\n', '\t'])
        expectRefusedOn(name, withText(record, path, slip(text, control)), path);
    },
  );

  it.each(cases.filter((c) => c.multiLine))(
    '$label, a free text, keeps its line breaks but refuses TAB and other controls',
    ({ name, record, path, text }) => {
      for (const lineBreak of ['\n', '\r\n', '\r'])
        expect(check(name, withText(record, path, overwrite(text, lineBreak))).ok).toBe(true);
      for (const control of ['\t', '\u0000', '\u001b', '\u007f'])
        expectRefusedOn(name, withText(record, path, slip(text, control)), path);
    },
  );
});
