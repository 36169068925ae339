// The countries of the European Economic Area, where the GDPR applies: a processor established
// there receives the data without a transfer to frame (GDPR, chapter V). French names, as the
// privacy notice writes them; « Tchéquie » and « République tchèque » both.
const eeaCountries = new Set(
  [
    'Allemagne',
    'Autriche',
    'Belgique',
    'Bulgarie',
    'Chypre',
    'Croatie',
    'Danemark',
    'Espagne',
    'Estonie',
    'Finlande',
    'France',
    'Grèce',
    'Hongrie',
    'Irlande',
    'Islande',
    'Italie',
    'Lettonie',
    'Liechtenstein',
    'Lituanie',
    'Luxembourg',
    'Malte',
    'Norvège',
    'Pays-Bas',
    'Pologne',
    'Portugal',
    'République tchèque',
    'Roumanie',
    'Slovaquie',
    'Slovénie',
    'Suède',
    'Tchéquie',
  ].map(fold),
);

function fold(country: string): string {
  return country.normalize('NFC').trim().toLocaleLowerCase('fr-FR');
}

/** Whether a country, written in French (« France », « Irlande »), is in the European Economic Area. */
export function inEea(country: string): boolean {
  return eeaCountries.has(fold(country));
}
