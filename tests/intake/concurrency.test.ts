import { execFileSync, spawn } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkApplication } from '../../schemas/validators.ts';
import { createIntakeHandler } from '../../scripts/intake/create-intake-handler.ts';
import { listen } from '../../scripts/http/listen.ts';
import { LocalGitStore } from '../../scripts/store/local-git-store.ts';
import { aMenteeForm, aMentorForm } from '../builders/application-forms.ts';
import { programmeSettings, templates } from '../helpers/intake-harness.ts';

describe('100 concurrent submissions over HTTP', () => {
  it('store exactly one entry per distinct submission, in a clean repository', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'binome-concurrent-'));
    const store = new LocalGitStore(directory);
    const settings = programmeSettings((s) => {
      s.intake.rateLimit.perClientPerHour = 1000;
    });
    const handler = createIntakeHandler({ store, settings, secret: 's', templates, log: () => {} });
    const { server, url } = await listen(handler);
    try {
      // 80 distinct submissions; 20 of them are sent twice (double clicks, retries).
      const key = (i: number) => `00000000-0000-4000-8000-${String(i % 80).padStart(12, '0')}`;
      const responses = await Promise.all(
        Array.from({ length: 100 }, async (_, i) => {
          const kind = i % 80 < 40 ? 'mentee' : 'mentor';
          const form = (kind === 'mentee' ? aMenteeForm : aMentorForm)({
            'identity.lastName': `Concurrent ${i % 80}`,
          });
          const response = await fetch(new URL(`/api/candidatures/${kind}`, url), {
            method: 'POST',
            headers: {
              'content-type': 'application/x-www-form-urlencoded',
              accept: 'application/json',
            },
            body: new URLSearchParams([...form, ['idempotencyKey', key(i)]]),
          });
          return {
            i,
            status: response.status,
            ...((await response.json()) as { reference: string }),
          };
        }),
      );
      expect(responses.every((r) => r.status === 201 || r.status === 200)).toBe(true);
      expect(responses.filter((r) => r.status === 201)).toHaveLength(80);
      // Both sends of a pair got the same reference.
      for (const r of responses.filter((x) => x.i >= 80)) {
        expect(r.reference).toBe(responses[r.i - 80]!.reference);
      }
      const files = await store.listFiles('applications');
      expect(files).toHaveLength(80);
      const records = (await store.readFiles(files)).map(
        (t) => JSON.parse(t!) as { id: string; identity: { lastName: string } },
      );
      expect(new Set(records.map((r) => r.identity.lastName)).size).toBe(80);
      for (const record of records)
        expect(
          checkApplication(record.id.startsWith('mentor') ? 'mentor' : 'mentee', record).ok,
        ).toBe(true);
      expect(
        execFileSync('git', ['-C', directory, 'rev-list', '--count', 'main'], {
          encoding: 'utf8',
        }).trim(),
      ).toBe('81'); // 80 applications and the repository's first commit
      expect(() =>
        execFileSync('git', ['-C', directory, 'fsck', '--full', '--strict'], { stdio: 'pipe' }),
      ).not.toThrow();
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});

describe('a writer killed in the middle of its commits', () => {
  it('leaves the repository consistent, and the next writer carries on', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'binome-killed-'));
    const script = join(directory, '..', `writer-${Date.now()}.ts`);
    await writeFile(
      script,
      `import { LocalGitStore } from ${JSON.stringify(join(process.cwd(), 'scripts/store/local-git-store.ts'))};
const store = new LocalGitStore(${JSON.stringify(directory)});
for (let i = 0; ; i += 1) {
  await store.commit([{ path: 'applications/mentors/mentor-' + String(i).padStart(6, '0') + '.json', content: JSON.stringify({ i, pad: 'x'.repeat(5000) }) + '\\n' }], 'Add ' + i, { create: true });
}
`,
    );
    const child = spawn(process.execPath, [script], { stdio: 'ignore' });
    const store = new LocalGitStore(directory, { staleLockMs: 500 });
    // Let it write for a while, then kill it without warning.
    for (
      let waited = 0;
      (await store.listFiles('applications')).length < 15 && waited < 30_000;
      waited += 200
    ) {
      await new Promise((r) => setTimeout(r, 200));
    }
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    expect(() =>
      execFileSync('git', ['-C', directory, 'fsck', '--full', '--strict'], { stdio: 'pipe' }),
    ).not.toThrow();
    const files = await store.listFiles('applications');
    expect(files.length).toBeGreaterThanOrEqual(15);
    for (const text of await store.readFiles(files)) expect(() => JSON.parse(text!)).not.toThrow();
    await new Promise((r) => setTimeout(r, 600));
    await store.commit(
      [{ path: 'applications/mentors/after.json', content: '{}\n' }],
      'Add after',
      { create: true },
    );
    expect(await store.listFiles('applications')).toHaveLength(files.length + 1);
  });
});
