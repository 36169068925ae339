import { runScreen, ScreenUsageError } from '../screening/run-screen.ts';
import { LocalGitStore } from '../store/local-git-store.ts';

// `npm run screen -- …`: see runScreen. The data repository is ./data unless BINOME_DATA_DIR says otherwise.
try {
  await runScreen(process.argv.slice(2), {
    store: new LocalGitStore(process.env['BINOME_DATA_DIR'] ?? 'data'),
    now: () => new Date(),
    print: (line) => console.log(line),
  });
} catch (error) {
  if (error instanceof ScreenUsageError) {
    console.error(error.message);
    process.exit(2);
  }
  throw error;
}
