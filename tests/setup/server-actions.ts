import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** Where server code may live; a 'use server' module anywhere here is part of the authorization matrix. */
const SOURCE_DIRS = ['app', 'components', 'lib', 'db'];
const DIRECTIVE_LINE = /^\s*(['"])use server\1\s*;?\s*$/gm;

function sourceFiles(): string[] {
  return SOURCE_DIRS.flatMap((dir) => {
    const abs = path.join(ROOT, dir);
    if (!fs.existsSync(abs)) return [];
    return (fs.readdirSync(abs, { recursive: true }) as string[])
      .filter((rel) => /\.(ts|tsx|js|jsx|mjs)$/.test(rel) && !/\.test\.tsx?$/.test(rel) && !rel.split(path.sep).includes('node_modules'))
      .map((rel) => path.join(dir, rel));
  });
}

/** True when the module's first statement is the 'use server' directive (comments and blank lines may precede it). */
export function startsWithUseServer(source: string): boolean {
  let rest = source.replace(/^\uFEFF/, '');
  for (;;) {
    const trimmed = rest.trimStart();
    if (trimmed.startsWith('//')) rest = trimmed.slice(trimmed.indexOf('\n') === -1 ? trimmed.length : trimmed.indexOf('\n'));
    else if (trimmed.startsWith('/*')) rest = trimmed.slice(trimmed.indexOf('*/') + 2);
    else return /^(['"])use server\1/.test(trimmed);
  }
}

export interface ServerActionScan {
  /** Repository-relative paths of modules whose first statement is 'use server'. */
  modules: string[];
  /** Files with a 'use server' directive that is not their first statement (inline server functions). */
  inlineDirectives: string[];
}

export function scanServerActionModules(): ServerActionScan {
  const modules: string[] = [];
  const inlineDirectives: string[] = [];
  for (const file of sourceFiles()) {
    const source = fs.readFileSync(path.join(ROOT, file), 'utf8');
    const directives = source.match(DIRECTIVE_LINE)?.length ?? 0;
    const topLevel = startsWithUseServer(source);
    if (topLevel) modules.push(file);
    if (directives > (topLevel ? 1 : 0)) inlineDirectives.push(file);
  }
  return { modules: modules.sort(), inlineDirectives: inlineDirectives.sort() };
}

export type AnyServerAction = (input: unknown) => Promise<unknown>;

export interface DiscoveredAction {
  name: string;
  module: string;
  action: AnyServerAction;
}

/** Imports every 'use server' module and lists its exports: each export of such a module is a server action. */
export async function loadServerActions(modules: string[]): Promise<DiscoveredAction[]> {
  const found: DiscoveredAction[] = [];
  for (const modulePath of modules) {
    const exports = (await import(/* @vite-ignore */ path.join(ROOT, modulePath))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(exports)) {
      found.push({ name, module: modulePath, action: value as AnyServerAction });
    }
  }
  return found;
}

/**
 * A server action typed for tests that build their input as plain records (from fixtures, with overrides): the
 * action parses it with zod anyway, which is what is under test.
 */
export type LooseAction = (input: Record<string, unknown> | FormData) => Promise<unknown>;
export function loose(action: unknown): LooseAction {
  return action as LooseAction;
}
