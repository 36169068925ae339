/** The French title a schema gives a choice (`oneOf` of `const` + `title`), if it has one. */
export function choiceTitle(
  choices: readonly { const?: unknown; title?: string }[] | undefined,
  value: unknown,
): string | undefined {
  return choices?.find((choice) => choice.const === value)?.title;
}
