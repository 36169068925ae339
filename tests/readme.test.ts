import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findPlaceholders, readSettings } from '../schemas/read-settings.ts';

const readme = readFileSync('README.md', 'utf8');

describe('README.md', () => {
  it('lists every placeholder the structure still has to fill in', () => {
    const settings = readSettings(readFileSync('content/programme.yaml', 'utf8'));
    const fields = new Set(
      findPlaceholders(settings).map((p) => p.field.replace(/\.\d+(\..*)?$/, '')),
    );
    for (const field of fields) expect(readme, field).toContain(`\`${field}\``);
  });

  it('says the retention periods and the processors are proposals, naming the proposed hosts', () => {
    const settings = readSettings(readFileSync('content/programme.yaml', 'utf8'));
    const toFill = readme
      .slice(
        readme.indexOf('## For the structure: to fill in'),
        readme.indexOf('## For the structure: also to confirm'),
      )
      .replace(/\s+/g, ' ');
    for (const field of [
      'dataProtection.retention',
      'publication.host',
      'dataProtection.processors',
    ])
      expect(toFill, field).toContain(`\`${field}\``);
    for (const { name } of settings.dataProtection.processors)
      expect(toFill, name).toContain(name.replace(/ \(.*\)$/, ''));
  });

  it('names the two commands of a newcomer', () => {
    expect(readme).toContain('```sh\nnpm start\n```');
    expect(readme).toContain('```sh\nnpm test\n```');
  });

  it('lists the apparent slips of the convention for the structure to confirm', () => {
    expect(readme).toContain('« (le mentoré) » and « un professionnel »');
    expect(readme).toContain('« au mentor »');
    expect(readme).toContain('« début de carrière »');
  });

  it('lists the settings proposed for the structure to confirm, with their values', () => {
    const settings = readSettings(readFileSync('content/programme.yaml', 'utf8'));
    const toConfirm = readme
      .slice(
        readme.indexOf('## For the structure: also to confirm'),
        readme.indexOf('## For the structure: three places'),
      )
      .replace(/\s+/g, ' ');
    const { mentee, mentor } = settings.eligibility.ages;
    expect(toConfirm).toContain('`eligibility.ages.mentee`');
    expect(toConfirm).toContain(`mentorés ${mentee.min} to ${mentee.max}`);
    expect(toConfirm).toContain('`eligibility.ages.mentor`');
    expect(toConfirm).toContain(`mentors ${mentor.min} to ${mentor.max}`);
    expect(toConfirm).toContain(
      `\`structure.timeZone\`, proposed as \`${settings.structure.timeZone}\``,
    );
    expect(toConfirm).toContain('`mentoring.mentorCapacityMax`');
  });
});
