import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readSettings } from '../../schemas/read-settings.ts';
import { aMentee, aMentor, accepted } from '../dev/matching-people.ts';
import { buildPool } from './build-pool.ts';
import { matchPool } from './match-pool.ts';
import { renderPullRequestBody, renderReview } from './render-review.ts';

const settings = readSettings(readFileSync('content/programme.yaml', 'utf8'));
const hostile = [
  '| col | injectée |',
  '<img src=x onerror=alert(1)>',
  '[clic](javascript:alert(1))',
  '@everyone #1 **gras** `code` ~~barré~~ :warning:',
  '<!-- fin --> </td></tr>',
].join(' ');

describe('the review', () => {
  it('keeps hostile applicant text as text: no markup, link, mention or extra cell', () => {
    const applications = [
      aMentee('mentee-aaaaa1', {
        studies: { level: 'bac+3', field: hostile.slice(0, 150) },
        sectors: ['autre'],
        sectorOther: hostile.slice(0, 150),
      }),
      aMentee('mentee-aaaaa2', { meetingMode: 'presentiel' }),
      aMentor('mentor-bbbbb1', {
        sector: 'autre',
        sectorOther: hostile.slice(0, 150),
        meetingMode: 'visio',
      }),
    ];
    const pool = buildPool({
      cohort: '2026-2027',
      capacityMax: 3,
      applications,
      decisions: accepted(applications.map((a) => a.id)),
      pairs: [],
      forced: [],
      edits: [],
    });
    const proposal = matchPool(pool, 'best', settings.matching, '2026-11-30');
    expect(proposal.pairs).toHaveLength(1);
    expect(proposal.unmatched).toHaveLength(1);
    const edits = { forced: 0, withdrawn: 0, forbidden: 0 };
    const review = renderReview(proposal, pool, edits, '2026-11-30');
    const body = renderPullRequestBody(proposal, edits, '2026-11-30', 'https://example.org/review');
    for (const text of [review, body]) {
      expect(text).not.toMatch(/<img|<!--|<\/td>|javascript:|@everyone|\*\*gras|~~barré|:warning:/);
      expect(text).not.toContain('| col |');
    }
    // Every row of a table has as many cells as its header: the text added none.
    const tables = review.split('\n').filter((line) => line.startsWith('|'));
    const cells = (line: string) => line.split('|').length;
    const headers = tables.filter((line) => /^\| (Binôme|Mentoré|Mentor) \|/.test(line));
    expect(headers).toHaveLength(2);
    for (const line of tables) expect([8, 4]).toContain(cells(line));
    // The studies are shown, escaped, so that a coordinator reads them as typed.
    expect(review).toContain(
      'Études du mentoré\u00a0&#58; &#124; col &#124; injectée &#124; &#60;img src=x',
    );
  });
});
