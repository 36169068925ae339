import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { mkdtemp, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { checkApplication } from '../../schemas/validators.ts';
import { createIntakeHandler } from '../../scripts/intake/create-intake-handler.ts';
import { listen } from '../../scripts/http/listen.ts';
import { LocalGitStore } from '../../scripts/store/local-git-store.ts';
import { aMenteeForm, aMentorForm } from '../../scripts/dev/application-forms.ts';
import { programmeSettings, templates } from '../helpers/intake-harness.ts';
import { openedRecord } from '../helpers/opened-record.ts';

describe('100 concurrent submissions over HTTP', () => {
  it('store exactly one entry per distinct submission, in a clean repository', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'binome-concurrent-'));
    const store = new LocalGitStore(directory);
    const settings = programmeSettings((s) => {
      s.intake.rateLimit = {
        applicationsPerHour: 1e6,
        submissionsPerHour: 1e6,
        challengesPerHour: 1e6,
      };
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
      const opened = await Promise.all(files.map((f) => openedRecord(store, f)));
      const records = opened.map((o) => o.stored as { id: string });
      expect(new Set(opened.map((o) => o.opened['identity'].lastName)).size).toBe(80);
      // Each with its own data key, and no key left over from a retry.
      expect(await store.keys.list()).toEqual(records.map((r) => r.id).sort());
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
    // The writer says on stdout each time a commit is published, so that the test waits on
    // commits, not on a clock.
    await writeFile(
      script,
      `import { LocalGitStore } from ${JSON.stringify(join(process.cwd(), 'scripts/store/local-git-store.ts'))};
const store = new LocalGitStore(${JSON.stringify(directory)});
for (let i = 0; ; i += 1) {
  await store.commit([{ path: 'applications/mentors/mentor-' + String(i).padStart(6, '0') + '.json', content: JSON.stringify({ i, pad: 'x'.repeat(5000) }) + '\\n' }], 'Add ' + i, { create: true });
  process.stdout.write(i + '\\n');
}
`,
    );
    // In its own process group, so that one signal kills the writer and the Git processes it
    // runs, as a crash would: none of them finishes its work after the kill.
    const child = spawn(process.execPath, [script], {
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    const exited = once(child, 'exit');
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    // Let it publish 15 commits, then kill it without warning, in the middle of the next one.
    await new Promise<void>((done, fail) => {
      let published = 0;
      createInterface({ input: child.stdout }).on('line', () => {
        published += 1;
        if (published === 15) done();
      });
      void exited.then(() => fail(new Error(`The writer stopped by itself: ${stderr}`)));
    });
    process.kill(-child.pid!, 'SIGKILL');
    await exited;
    expect(() =>
      execFileSync('git', ['-C', directory, 'fsck', '--full', '--strict'], { stdio: 'pipe' }),
    ).not.toThrow();
    const store = new LocalGitStore(directory);
    const files = await store.listFiles('applications');
    expect(files.length).toBeGreaterThanOrEqual(15);
    for (const text of await store.readFiles(files)) expect(() => JSON.parse(text!)).not.toThrow();

    // Killed inside `git update-ref`, the writer leaves the branch lock behind. Whether this kill
    // landed there is luck: leave one as it would, then date it past the stale-lock age
    // (default 30 s) instead of waiting that long.
    const lock = join(directory, 'refs', 'heads', 'main.lock');
    if (!existsSync(lock)) await writeFile(lock, `${tipOfMain(directory)}\n`);
    const longAgo = new Date(Date.now() - 60 * 60 * 1000);
    await utimes(lock, longAgo, longAgo);
    await store.commit(
      [{ path: 'applications/mentors/after.json', content: '{}\n' }],
      'Add after',
      { create: true },
    );
    expect(await store.listFiles('applications')).toHaveLength(files.length + 1);
    expect(existsSync(lock)).toBe(false);
  });
});

function tipOfMain(directory: string): string {
  return execFileSync('git', ['-C', directory, 'rev-parse', 'refs/heads/main'], {
    encoding: 'utf8',
  }).trim();
}
