import { getCollection } from 'astro:content';
import { accessibilityStatus } from './consts.ts';

export interface NavigationLink {
  label: string;
  /** Root-relative; the `baseLinks` integration adds the deployment base after the build. */
  href: string;
  menu: 'main' | 'footer';
}

/** The main menu and footer links of content/navigation.yaml, in order, ready to render. */
export async function loadNavigation(): Promise<NavigationLink[]> {
  const entries = await getCollection('navigation');
  return entries.map(({ data }) => ({
    label: data.label.replace('{status}', accessibilityStatus),
    href: data.href,
    menu: data.menu,
  }));
}
