import type { ProgrammeSettings } from '../../schemas/programme.schema.ts';
import { isPlaceholder } from '../../schemas/placeholder.ts';
import { KeyFileError } from './age-identities.ts';
import { checkRecipients } from './seal-identity.ts';

/**
 * The public keys identities are sealed to: the settings' recipients (placeholders skipped) and
 * `extra` (the embedded default's own key). Undefined when the settings explicitly store
 * identities in plain text. Throws, in French, when identities must be sealed and there is no
 * key to seal them to, or when `atLeast` keys are required (a data repository on GitHub: the
 * coordinators' key and an offline backup key) and fewer are given.
 */
export function programmeRecipients(
  settings: Pick<ProgrammeSettings, 'encryption'>,
  options: { extra?: readonly string[]; atLeast?: number } = {},
): string[] | undefined {
  if (settings.encryption.identities === 'plain') return undefined;
  const keys = [
    ...new Set([
      // Placeholders skipped; anything else must be a key, or sealing stops here, said why.
      ...settings.encryption.recipients.map((r) => r.key).filter((k) => !isPlaceholder(k)),
      ...(options.extra ?? []),
    ]),
  ];
  if (keys.length) checkRecipients(keys);
  const atLeast = options.atLeast ?? 1;
  if (keys.length < atLeast)
    throw new KeyFileError(
      atLeast === 1
        ? 'Aucune clé publique pour chiffrer les identités : complétez « encryption.recipients » dans content/programme.yaml (une clé age1… au moins).'
        : `Il faut au moins ${atLeast} clés publiques pour chiffrer les identités (celle de la coordination et une clé de sauvegarde hors ligne) : complétez « encryption.recipients » dans content/programme.yaml.`,
    );
  return keys;
}
