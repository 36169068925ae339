import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/** Runs the install bootstrap as if on another platform with another Node, and says what it said. */
function bootstrapOn(platform: string, arch: string, version: string) {
  const script =
    `Object.defineProperty(process, 'platform', { value: ${JSON.stringify(platform)} });` +
    `Object.defineProperty(process, 'arch', { value: ${JSON.stringify(arch)} });` +
    `Object.defineProperty(process, 'version', { value: ${JSON.stringify(version)} });` +
    `await import('./scripts/dev/ensure-install.mjs');`;
  return spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
}

describe('the install bootstrap', () => {
  it('tells a macOS user with an old Node to install Node 24, before installing anything', () => {
    const result = bootstrapOn('darwin', 'arm64', 'v20.20.2');
    expect(result.status).toBe(1);
    expect(result.stdout).not.toContain('npm ci');
    expect(result.stderr).toContain('no Node 24 package for darwin-arm64 (on macOS, none exists)');
    expect(result.stderr).toContain('install Node 24 LTS');
  });

  it('goes on where the registry has Node 24 (Linux) or the system Node is recent enough', () => {
    expect(bootstrapOn('linux', 'x64', 'v20.20.2').status).toBe(0);
    expect(bootstrapOn('darwin', 'arm64', 'v24.12.0').status).toBe(0);
  });
});
