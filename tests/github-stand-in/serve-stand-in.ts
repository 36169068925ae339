import { listen } from '../../scripts/http/listen.ts';
import { GitHubStandIn } from './github-stand-in.ts';

// The GitHub stand-in as a process of its own, on a free loopback port it prints on its first
// line: for `npm run bench:intake`, which measures the CPU of the intake's hosts apart from the
// stand-in's. It checks every request and answer against GitHub's description, as in the tests,
// and stops with a non-zero status at the first violation, naming it.
const standIn = new GitHubStandIn();
const { url } = await listen(async (request) => {
  const response = await standIn.handle(request);
  if (standIn.violations.length) {
    console.error(`GitHub stand-in: ${standIn.violations[0]}`);
    process.exit(1);
  }
  return response;
});
console.log(`${url.replace(/\/$/, '')} ${standIn.owner}/${standIn.repo}`);
