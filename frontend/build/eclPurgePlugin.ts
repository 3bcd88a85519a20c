import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import postcss, { type Root } from 'postcss';
import type { Plugin } from 'vite';

const ECL_STYLES = '@ecl/preset-ec/dist/styles/ecl-ec.css';
const ECL_CLASS = /\.(ecl-[\w-]+)/g;

/** The ECL classes the app's sources name (`ecl-select__container--m`, `ecl-u-type-heading-2`, ...). */
export function usedEclClasses(sources: string[]): Set<string> {
  const used = new Set<string>();
  for (const source of sources) for (const match of source.matchAll(/\becl-[\w-]+/g)) used.add(match[0]);
  return used;
}

/**
 * Whether a class of the library is needed: a utility (`ecl-u-*`) only when named itself, a component's class when
 * the component (the block before `__` or `--`) is named, so that its elements and modifiers keep their styles.
 */
export function isNeeded(eclClass: string, used: Set<string>): boolean {
  if (eclClass.startsWith('ecl-u-')) return used.has(eclClass);
  const block = eclClass.split(/__|--/)[0] ?? eclClass;
  return used.has(eclClass) || [...used].some((name) => name === block || name.startsWith(`${block}__`) || name.startsWith(`${block}--`));
}

/** Drops the rules whose every selector names a class of a component the app does not use; keeps everything else. */
export function purgeEcl(root: Root, used: Set<string>): void {
  root.walkRules((rule) => {
    const kept = rule.selectors.filter((selector) => [...selector.matchAll(ECL_CLASS)].every((match) => isNeeded(match[1] ?? '', used)));
    if (kept.length === 0) rule.remove();
    else if (kept.length < rule.selectors.length) rule.selectors = kept;
  });
  root.walkAtRules((atRule) => {
    if (atRule.nodes && atRule.nodes.length === 0) atRule.remove();
  });
}

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** Serves the Europa Component Library's styles without the components the app does not use. */
export function eclPurgePlugin(sourceFolder: string): Plugin {
  return {
    name: 'ecl-purge',
    enforce: 'pre',
    transform(code, id) {
      if (!id.endsWith(ECL_STYLES)) return null;
      const used = usedEclClasses(sourceFiles(sourceFolder).map((file) => readFileSync(file, 'utf8')));
      const root = postcss.parse(code);
      purgeEcl(root, used);
      return { code: root.toString(), map: null };
    },
  };
}
