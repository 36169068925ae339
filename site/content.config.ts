import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

// Editorial pages: their text lives in content/pages, never in components.
const pages = defineCollection({
  loader: glob({ pattern: '*.mdx', base: './content/pages' }),
  schema: z.object({
    title: z.string().min(1),
    description: z.string().min(50).max(170),
    /** Result pages (receipt, refusal, 404): no use in a search engine's index. */
    noindex: z.boolean().optional(),
  }),
});

// Documents published verbatim (the convention de mentorat).
const documents = defineCollection({
  loader: glob({ pattern: '*.md', base: './content/documents' }),
  schema: z.object({
    title: z.string().min(1),
    description: z.string().min(50).max(170),
    /** Shown above the document on screen, hidden in print. */
    note: z.string().optional(),
    /** The signature block, also drawn by the PDF (scripts/convention/convention-source.ts). */
    signatures: z.object({
      heading: z.string().min(1),
      mentor: z.string().min(1),
      mentee: z.string().min(1),
      representative: z.string().min(1),
    }),
  }),
});

const link = z.object({ label: z.string().min(1), href: z.string().startsWith('/') });

const home = defineCollection({
  loader: glob({ pattern: '*.yaml', base: './content/home' }),
  schema: z.object({
    title: z.string().min(1),
    description: z.string().min(50).max(170),
    lead: z.array(z.string().min(1)).length(3),
    audience: z.object({
      heading: z.string(),
      items: z.array(z.object({ title: z.string(), text: z.string() })).min(2),
    }),
    facts: z.object({
      heading: z.string(),
      items: z.array(z.object({ label: z.string(), value: z.string() })).min(3),
    }),
    steps: z.object({
      heading: z.string(),
      items: z.array(z.object({ title: z.string(), text: z.string() })).min(3),
    }),
    callsHeading: z.string(),
    calls: z.array(link.extend({ text: z.string() })).length(2),
    accessibility: z.object({ heading: z.string(), text: z.string(), link }),
  }),
});

export const collections = { pages, documents, home };
