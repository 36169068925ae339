import { basename, resolve } from 'node:path';
import { deskActions } from '../commands/desk-actions.ts';
import { folderDelivery } from '../commands/delivery.ts';
import { parseCommandLine } from '../commands/parse-command-line.ts';
import { UsageError } from '../commands/usage-error.ts';
import { serveLocalApp } from '../http/create-local-app.ts';
import { defaultKeyFile, ensureLocalKeyPair } from '../privacy/local-key-pair.ts';
import { storeFromEnvironment } from '../store/store-from-environment.ts';
import { programmeSettings } from './programme-settings.ts';
import { runCli } from './run-cli.ts';
import { frenchTypography } from '../../schemas/french-typography.ts';

// `npm start`: the built site and the intake on one local port, storing applications in the
// data repository the environment names (the embedded default: a local Git repository, ./data
// unless told otherwise).
const usage = `Utilisation :
  npm start [-- --port <port>] [-- --host <adresse>] [-- --data <dossier>] [-- --root <dossier>]
    construit le site puis le sert, avec l’envoi des candidatures, sur http://127.0.0.1:4321/ ;
    chaque candidature est enregistrée dans le dépôt de données (sur cet ordinateur : ./data).
    Affiche aussi l’adresse de l’espace coordination et son code à usage unique.
    --port <port>      le port (sinon PORT, ou 4321)
    --host <adresse>   l’adresse d’écoute (sinon HOST, ou 127.0.0.1 : cet ordinateur seulement)
    --data <dossier>   le dépôt de données local (sinon BINOME_DATA_DIR, ou data)
    --root <dossier>   le site construit (dist)`;

await runCli(async () => {
  const parsed = parseCommandLine(
    process.argv.slice(2),
    usage,
    {
      port: { type: 'string', default: process.env['PORT'] ?? '4321' },
      host: { type: 'string', default: process.env['HOST'] ?? '127.0.0.1' },
      root: { type: 'string', default: 'dist' },
      data: { type: 'string', default: process.env['BINOME_DATA_DIR'] ?? 'data' },
    },
    (line) => console.log(line),
  );
  if (!parsed) return;
  if (parsed.positionals.length > 0) throw new UsageError(usage);
  const { values } = parsed;
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(frenchTypography('Le port doit être un nombre de 0 à 65535 (--port, ou PORT).'));
    process.exitCode = 2;
    return;
  }
  const secret = process.env['BINOME_INTAKE_SECRET'];
  if (secret !== undefined && secret !== '' && secret.length < 32) {
    console.error(
      frenchTypography(
        'BINOME_INTAKE_SECRET doit compter 32 caractères au moins (par exemple : openssl rand -hex 32).',
      ),
    );
    process.exitCode = 2;
    return;
  }
  const store = storeFromEnvironment({ ...process.env, BINOME_DATA_DIR: values.data });
  const { location } = await store.ready();
  const { settings, source } = await programmeSettings();
  const onGitHub = Boolean(process.env['BINOME_GITHUB_REPOSITORY']);
  // For the public (on GitHub, or behind a proxy): said, since a restart then costs the people
  // filling in a form their proof of work. On this machine alone, nobody is waiting.
  if (!secret && (onGitHub || (settings.intake.trustedProxies ?? []).length > 0))
    console.warn(
      frenchTypography(
        'BINOME_INTAKE_SECRET n’est pas donné : un secret est tiré à chaque démarrage, et un formulaire ouvert avant un redémarrage devra être renvoyé. Donnez-en un (openssl rand -hex 32).',
      ),
    );
  // The embedded default seals identities to a key pair of its own, made on first start; on
  // GitHub, only to the settings' keys (the coordinators' and the offline backup's).
  let recipients: string[] = [];
  if (settings.encryption.identities === 'plain') {
    console.warn(
      frenchTypography(
        `Attention : les identités des candidats sont enregistrées EN CLAIR (« encryption.identities: plain » dans ${source}). Réservez ce réglage à un essai sans vraies personnes.`,
      ),
    );
  } else if (!onGitHub) {
    const keyFile = process.env['BINOME_AGE_KEY_FILE'] ?? defaultKeyFile(values.data);
    const { recipient, created } = await ensureLocalKeyPair(keyFile);
    recipients = [recipient];
    console.log(
      frenchTypography(
        created
          ? `Clé de la coordination créée : ${keyFile}. Sans elle, les identités des candidatures ne peuvent pas être lues : gardez-en une copie en lieu sûr, et ne la mettez dans aucun dépôt.`
          : `Les identités des candidatures sont chiffrées ; la clé de la coordination qui les ouvre est ${keyFile}.`,
      ),
    );
  }
  // The coordinators' desk (issue 15), on the embedded default and this machine only: its
  // one-time codes are printed here, the first one once the address is known.
  let firstCode = '';
  let started = false;
  const announce = (code: string) => {
    if (started) console.log(frenchTypography(`Nouveau code de l’espace coordination : ${code}`));
    else firstCode = code;
  };
  const desk = onGitHub
    ? undefined
    : {
        store,
        settings,
        recipients,
        announce,
        ...deskActions({
          store,
          settings,
          now: () => new Date(),
          fileUrl: (_branch: string, path: string) => path,
          // What a coordinator hands over (follow-up sheets) goes beside the data, as on a terminal.
          deliver: folderDelivery(
            resolve(values.data, '..', `${basename(resolve(values.data))}-documents`),
          ),
        }),
      };
  const { url } = await serveLocalApp({
    ...(desk ? { desk } : {}),
    root: values.root,
    store,
    settings,
    port,
    host: values.host,
    recipients,
    ...(onGitHub ? { minimumRecipients: 2 } : {}),
    ...(secret ? { secret } : {}),
  });
  console.log(`Binôme is running at ${url} (Ctrl+C to stop).`);
  if (desk) {
    started = true;
    console.log(
      frenchTypography(
        `Espace coordination : ${url.replace(/\/$/, '')}/coordination/ ; code à usage unique : ${firstCode} (un nouveau code s’affiche ici après chaque usage).`,
      ),
    );
  }
  console.log(`Applications are committed to the data repository ${location}.`);
});
