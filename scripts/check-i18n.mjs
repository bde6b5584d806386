// CI's check of the translations (issue 31): the catalogs hold every message of the code (a run
// of `lingui extract` changes nothing) and every locale translates every message. The build
// checks the same again as it compiles them (failOnMissing, failOnCompileError).
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = join(import.meta.dirname, '..', 'src', 'locales');
const catalogs = () =>
  Object.fromEntries(readdirSync(dir).map((locale) => [locale, readFileSync(join(dir, locale, 'messages.po'), 'utf8')]));

const before = catalogs();
execFileSync('npx', ['lingui', 'extract', '--clean'], { stdio: ['ignore', 'ignore', 'inherit'] });
const after = catalogs();
const problems = [];
for (const [locale, text] of Object.entries(after)) {
  if (text !== before[locale])
    problems.push(`src/locales/${locale}/messages.po was out of date with the code (now extracted: translate and commit it)`);
  if (locale === 'en') continue;
  // An entry whose msgstr is empty and not continued on the next lines.
  const untranslated = [...text.matchAll(/\nmsgid ((?:".*"\n)+)msgstr ""\n(?!")/g)].map((match) => match[1].replace(/"\n"/g, '').trim());
  for (const msgid of untranslated.filter((id) => id !== '""')) problems.push(`${locale}: no translation for ${msgid}`);
}
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log(`i18n: ${Object.keys(after).length} catalogs up to date and complete`);
