import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { accessibilityStatus } from './consts.ts';

export interface NavigationLink {
  label: string;
  /** Root-relative; the `baseLinks` integration adds the deployment base after the build. */
  href: string;
  menu: 'main' | 'footer';
}

/**
 * The main menu and footer links of content/navigation.yaml, in the file's order (a content
 * collection would sort them by id), checked so that a typo stops the build with its line.
 */
export function loadNavigation(): NavigationLink[] {
  const source = 'content/navigation.yaml';
  const items = parse(readFileSync(join(process.cwd(), source), 'utf8')) as unknown;
  if (!Array.isArray(items)) throw new Error(`${source} : une liste de liens est attendue.`);
  return items.map((item: Partial<NavigationLink>, index) => {
    if (
      typeof item.label !== 'string' ||
      typeof item.href !== 'string' ||
      !item.href.startsWith('/')
    ) {
      throw new Error(
        `${source}, lien n° ${index + 1} : « label » et « href » (commençant par /) sont obligatoires.`,
      );
    }
    if (item.menu !== 'main' && item.menu !== 'footer') {
      throw new Error(`${source}, lien n° ${index + 1} : « menu » vaut main ou footer.`);
    }
    return {
      label: item.label.replace('{status}', accessibilityStatus),
      href: item.href,
      menu: item.menu,
    };
  });
}
