/**
 * Puts each chat feature in a folder of its own (issue 23, point 1): its handler, its pure dialog, the cards
 * only it sends and its unit tests move to `src/features/<name>/` (feature.ts, dialog.ts, cards.ts, *.test.ts),
 * then every relative import that named an old path is written anew.
 *
 *   npx tsx scripts/move-features.ts          moves, rewrites, and prints what it did
 *   npx tsx scripts/move-features.ts --dry    prints what it would do, changes nothing
 *
 * Run it from the repository's root on a clean tree. It can be run again at any time: an entry already moved is
 * passed over, and imports that still name an old path (say, from a branch merged after the move) are mended.
 * It only moves files and rewrites import paths, so lines others add to these files meanwhile go along with them.
 *
 * What stays where it is, and why: cards that jobs send too, or that two features share, stay in src/flex/
 * (jobs must not import a chat feature); the dialog kit every dialog uses (types.ts, free-text.ts, words.ts)
 * stays in src/dialogs/; unit tests that cover several features stay in test/unit/. A dialog one feature runs
 * and another starts (staff-profile: profile runs it, register starts it; citizen-closure: own-case-actions runs
 * it, case-actions asks its stars question) lives with the feature that runs it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

/** The files of src/chat/features/, one a feature (or two that belong together: profile and profileEdit, …). */
const FEATURE_FILES = [
  'cancel',
  'case-actions',
  'case-closure',
  'cases',
  'complaint-stats',
  'complaint',
  'evidence',
  'executive-group',
  'executive-group-chat',
  'export-report',
  'follow-up-result',
  'help',
  'manage-measure',
  'my-cases',
  'oit-review',
  'oit',
  'own-case-actions',
  'profile',
  'register',
  'report',
  'rollup',
  'summary',
  'track',
];

/** Old path → new path, from the repository's root. */
const MOVES: ReadonlyArray<readonly [string, string]> = [
  // The features' handlers: src/chat/features/<name>.ts → src/features/<name>/feature.ts
  ...FEATURE_FILES.map((name) => [`src/chat/features/${name}.ts`, `src/features/${name}/feature.ts`] as const),

  // Their pure dialogs.
  ['src/dialogs/complaint.ts', 'src/features/complaint/dialog.ts'],
  ['src/dialogs/complaint-handling.ts', 'src/features/case-actions/dialog.ts'],
  ['src/dialogs/handler-closure.ts', 'src/features/case-closure/dialog.ts'],
  ['src/dialogs/citizen-closure.ts', 'src/features/own-case-actions/dialog.ts'],
  ['src/dialogs/measure-edit.ts', 'src/features/manage-measure/dialog.ts'],
  ['src/dialogs/officer-report.ts', 'src/features/report/dialog.ts'],
  ['src/dialogs/oit-answer.ts', 'src/features/oit/dialog.ts'],
  ['src/dialogs/oit-review.ts', 'src/features/oit-review/dialog.ts'],
  ['src/dialogs/staff-profile.ts', 'src/features/profile/dialog.ts'],

  // Cards only one feature sends.
  ['src/dialogs/report-cards.ts', 'src/features/report/cards.ts'],
  ['src/flex/complaint-statistics-message.ts', 'src/features/complaint-stats/cards.ts'],
  ['src/flex/overdue-cards.ts', 'src/features/summary/cards.ts'],

  // What every feature is given and may use: the Feature contract and its context, cue words, the chat's shared
  // words, the stale-move answer and the meaning lexicons. They sit below the features (and the router above
  // them imports them), so no import runs from a feature back up to the router's folder.
  ['src/chat/context.ts', 'src/features/shared/context.ts'],
  ['src/chat/cues.ts', 'src/features/shared/cues.ts'],
  ['src/chat/texts.ts', 'src/features/shared/texts.ts'],
  ['src/chat/stale-move.ts', 'src/features/shared/stale-move.ts'],
  ['src/chat/meanings/score.ts', 'src/features/shared/meanings/score.ts'],
  ['src/chat/meanings/lexicons.ts', 'src/features/shared/meanings/lexicons.ts'],

  // Unit tests of one feature alone (help.test.ts stays: it holds the help of every feature against the table).
  ['test/unit/complaint-dialog.test.ts', 'src/features/complaint/dialog.test.ts'],
  ['test/unit/corruption-confirm.test.ts', 'src/features/complaint/corruption-confirm.test.ts'],
  ['test/unit/complaint-handling-dialog.test.ts', 'src/features/case-actions/dialog.test.ts'],
  ['test/unit/officer-report-dialog.test.ts', 'src/features/report/dialog.test.ts'],
  ['test/unit/staff-profile-dialog.test.ts', 'src/features/profile/dialog.test.ts'],
];

/**
 * Files that other work may have added by the time this runs (each feature's postback actions and their
 * schemas; the help and menus made from the features' declarations): moved when they are there, and no
 * word said when they are not.
 */
const OPTIONAL_MOVES: ReadonlyArray<readonly [string, string]> = [
  ...FEATURE_FILES.map((name) => [`src/chat/features/${name}.actions.ts`, `src/features/${name}/actions.ts`] as const),
  ['src/chat/menu.ts', 'src/features/help/menu.ts'],
];

/** Patterns and folders named in prose, written anew after the files (a file's own mention wins). */
const DOC_FOLDERS: ReadonlyArray<readonly [string, string]> = [
  ['src/chat/features/<name>.ts', 'src/features/<name>/feature.ts'],
  ['chat/features/*.ts', 'features/*/feature.ts'],
  ['src/chat/features/', 'src/features/'],
  ['src/chat/meanings/', 'src/features/shared/meanings/'],
];

/** What every dialog uses, and so stays in src/dialogs/. */
const DIALOG_KIT = ['src/dialogs/types.ts', 'src/dialogs/free-text.ts', 'src/dialogs/words.ts'];

/** Where relative imports are rewritten. */
const CODE_DIRS = ['src', 'test', 'bench', 'scripts'];
const CODE_FILE = /\.(?:ts|mts|cts|tsx)$/;
/** Where mentions of a moved path are rewritten. */
const DOC_FILES = ['README.md', 'examples/README.md'];
const DOC_DIRS = ['docs'];

/**
 * A relative module specifier in an import, an export-from, a side-effect import, a dynamic import (also in
 * `typeof import(...)`), vi.mock and its kin, or require. Group 1 is what comes before the quote.
 */
const SPECIFIER =
  /(\bfrom\s*|\bimport\s+|\bimport\s*\(\s*|\b(?:vi\.(?:mock|doMock|unmock|doUnmock|importActual|importMock)|require)\s*\(\s*)(['"])(\.{1,2}\/[^'"\n]*)\2/g;

const dry = process.argv.includes('--dry');
const root = execFileSync('git', ['rev-parse', '--show-toplevel'], { encoding: 'utf8' }).trim();
const abs = (path: string) => resolve(root, path);
const rel = (path: string) => relative(root, path).split(sep).join('/');

/** The files moved in this run: new path → old path. */
const thisRun = new Map<string, string>();
/** Whether a file is there (in a dry run, as if the moves were made). */
const present = (path: string) => thisRun.has(path) || (existsSync(path) && !(dry && [...thisRun.values()].includes(path)));

const ALL_MOVES = [...MOVES, ...OPTIONAL_MOVES];
const optional = new Set(OPTIONAL_MOVES.map(([from]) => from));
const moved = new Map<string, string>(ALL_MOVES.map(([from, to]) => [abs(from), abs(to)]));
const movedBack = new Map<string, string>(ALL_MOVES.map(([from, to]) => [abs(to), abs(from)]));

function walk(dir: string, keep: (file: string) => boolean): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : walk(path, keep);
    return entry.isFile() && keep(path) ? [path] : [];
  });
}

/** The source file a specifier names, and how to write it back (its extension style). */
function target(fromDir: string, specifier: string): { file: string; style: '.js' | '.ts' | '' } | null {
  const path = resolve(fromDir, specifier);
  if (specifier.endsWith('.js')) return { file: path.slice(0, -3) + '.ts', style: '.js' };
  if (specifier.endsWith('.ts')) return { file: path, style: '.ts' };
  if (/\.[a-z]+$/i.test(specifier)) return null; // .json, .css and the like: never moved here
  return { file: path + '.ts', style: '' };
}

function specifierFor(fromDir: string, file: string, style: '.js' | '.ts' | ''): string {
  const path = relative(fromDir, file).split(sep).join('/').replace(/\.ts$/, style);
  return path.startsWith('.') ? path : `./${path}`;
}

/**
 * The import specifiers of one file, written for where the file and what it names stand now. `oldPath` is where
 * the file stood when its imports were written (itself, unless it moved in this run).
 */
function rewriteImports(path: string, oldPath: string, source: string): { text: string; changes: string[] } {
  const changes: string[] = [];
  const text = source.replace(SPECIFIER, (whole, before: string, quote: string, specifier: string) => {
    let named = target(dirname(oldPath), specifier);
    // A file that had moved already may carry an import written for its old place (a branch merged since).
    if (named && oldPath === path && !present(named.file) && !moved.has(named.file) && movedBack.has(path)) {
      const fromOld = target(dirname(movedBack.get(path)!), specifier);
      if (fromOld && (present(fromOld.file) || moved.has(fromOld.file))) named = fromOld;
    }
    if (!named) return whole;
    const file = moved.get(named.file) ?? named.file;
    if (file === named.file && oldPath === path) return whole;
    if (!present(file)) return whole; // not ours to mend
    const next = specifierFor(dirname(path), file, named.style);
    if (next === specifier) return whole;
    changes.push(`${specifier} → ${next}`);
    return `${before}${quote}${next}${quote}`;
  });
  return { text, changes };
}

/** Mentions of a moved path in prose: whole (`src/dialogs/complaint.ts`) or without `src/` (`dialogs/complaint.ts`). */
function rewriteDoc(source: string): string {
  let text = source;
  for (const [from, to] of [...ALL_MOVES, ...DOC_FOLDERS]) {
    const forms: Array<[string, string]> = [[from, to]];
    if (from.startsWith('src/')) forms.push([from.slice(4), to.slice(4)]);
    if (from.startsWith('src/chat/features/')) forms.push([from.slice('src/chat/'.length), to.slice(4)]);
    for (const [a, b] of forms) {
      const pattern = new RegExp(`(?<![\\w./-])${a.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}${a.endsWith('/') ? '' : '(?![\\w/-])'}`, 'g');
      text = text.replace(pattern, b);
    }
  }
  return text;
}

function ensureConfig(path: string, has: (text: string) => boolean, edit: (text: string) => string, what: string, log: string[]) {
  if (!existsSync(abs(path))) return;
  const text = readFileSync(abs(path), 'utf8');
  if (has(text)) return;
  const next = edit(text);
  if (next === text) {
    console.warn(`! ${path}: could not ${what}; do it by hand`);
    return;
  }
  if (!dry) writeFileSync(abs(path), next);
  log.push(`${path}: ${what}`);
}

function main() {
  const log: string[] = [];

  // 1. Moves.
  for (const [from, to] of ALL_MOVES) {
    if (existsSync(abs(from))) {
      if (existsSync(abs(to))) {
        console.warn(`! both ${from} and ${to} exist: left alone, join them by hand`);
        continue;
      }
      if (!dry) {
        mkdirSync(dirname(abs(to)), { recursive: true });
        try {
          execFileSync('git', ['mv', from, to], { cwd: root, stdio: 'pipe' });
        } catch {
          renameSync(abs(from), abs(to)); // a file git does not track yet
        }
      }
      thisRun.set(abs(to), abs(from));
      console.log(`moved   ${from} → ${to}`);
    } else if (existsSync(abs(to))) {
      console.log(`skipped ${from} (already at ${to})`);
    } else if (!optional.has(from)) {
      console.warn(`! missing ${from} and ${to}: nothing to move`);
    }
  }

  // 2. Imports, in every code file (a dry run reads the moved files where they still are).
  const codeFiles = CODE_DIRS.flatMap((dir) => walk(abs(dir), (file) => CODE_FILE.test(file)));
  for (const f of readdirSync(root)) if (CODE_FILE.test(f) && statSync(abs(f)).isFile()) codeFiles.push(abs(f));
  if (dry) for (const [to, from] of thisRun) codeFiles.splice(codeFiles.indexOf(from), 1, to);
  let rewritten = 0;
  for (const path of codeFiles) {
    const oldPath = thisRun.get(path) ?? path;
    const source = readFileSync(dry && thisRun.has(path) ? oldPath : path, 'utf8');
    const { text, changes } = rewriteImports(path, oldPath, source);
    if (changes.length === 0) continue;
    rewritten += 1;
    if (!dry) writeFileSync(path, text);
    console.log(`imports ${rel(path)}: ${changes.join(', ')}`);
  }

  // 3. What names test files and paths outside the code.
  ensureConfig(
    'vitest.config.ts',
    (text) => text.includes(`'src/**/*.test.ts'`),
    (text) => text.replace(/include:\s*\[([^\]]*)\]/, (_, list: string) => `include: [${list.trim().replace(/,\s*$/, '')}, 'src/**/*.test.ts']`),
    `runs the tests beside the features (src/**/*.test.ts)`,
    log,
  );
  ensureConfig(
    'tsconfig.build.json',
    (text) => text.includes('src/**/*.test.ts'),
    (text) => text.replace(/("include":\s*\[[^\]]*\])/, `$1,\n  "exclude": ["src/**/*.test.ts"]`),
    `leaves the tests beside the features out of the build`,
    log,
  );
  const docs = [...DOC_FILES.map(abs).filter((f) => existsSync(f)), ...DOC_DIRS.flatMap((dir) => walk(abs(dir), (f) => f.endsWith('.md')))];
  for (const path of docs) {
    const source = readFileSync(path, 'utf8');
    const text = rewriteDoc(source);
    if (text === source) continue;
    if (!dry) writeFileSync(path, text);
    log.push(`${rel(path)}: paths of moved files`);
  }

  for (const line of log) console.log(`updated ${line}`);
  // Files added since the table was written stay where they are: say so, so that a row can be added for them.
  const tabled = new Set(ALL_MOVES.map(([from]) => abs(from)));
  for (const dir of ['src/chat/features', 'src/chat/meanings', 'src/dialogs']) {
    for (const file of walk(abs(dir), (f) => CODE_FILE.test(f))) {
      if (!tabled.has(file) && !DIALOG_KIT.includes(rel(file))) {
        console.warn(`! left alone (not in the table): ${rel(file)}`);
      }
    }
  }
  console.log(`${dry ? 'would move' : 'moved'} ${thisRun.size} file(s), rewrote imports in ${rewritten} file(s)${dry ? ' (dry run: nothing changed)' : ''}`);
  if (!dry && (thisRun.size > 0 || rewritten > 0)) console.log('next: npx tsc -p tsconfig.json --noEmit, then the unit tests');
}

main();
