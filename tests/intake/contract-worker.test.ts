import { startWorkerHost } from '../helpers/intake-hosts.ts';
import { intakeContract } from './intake-contract.ts';

// The intake's contract (tests/intake/intake-contract.ts) on the Worker bundle, in workerd.
intakeContract('worker', (env) => startWorkerHost(env));
