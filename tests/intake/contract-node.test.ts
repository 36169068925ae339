import { startNodeHost } from '../helpers/intake-hosts.ts';
import { intakeContract } from './intake-contract.ts';

// The intake's contract (tests/intake/intake-contract.ts) on the Node host, as `npm start` runs
// it with the data repository on GitHub.
intakeContract('node', (env) => startNodeHost(env));
