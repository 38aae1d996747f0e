// `npm run mail`: prints the messages the local mail catcher received (.data/mail), newest last.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { readConfig } from '../platform/config';

const folder = join(readConfig().dataDir, 'mail');
const files = (await readdir(folder).catch(() => [] as string[])).filter((name) => name.endsWith('.eml')).sort();
if (files.length === 0) console.log(`No messages in ${folder}.`);
for (const file of files) {
  const mail = await simpleParser(await readFile(join(folder, file)));
  const to = Array.isArray(mail.to) ? mail.to.map((address) => address.text).join(', ') : mail.to?.text;
  console.log(`── ${mail.date?.toISOString()}  to ${to}\n${mail.subject}\n\n${mail.text?.trim()}\n`);
}
