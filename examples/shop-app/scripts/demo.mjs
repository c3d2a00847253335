// `npm run demo`: builds the shop app and serves the build on localhost, then prints the URL and
// the demo accounts. Ctrl-C stops it. PORT chooses the port (default 4173, the next free one if taken).
import { readFileSync } from 'node:fs';
import { build, preview } from 'vite';

const root = new URL('..', import.meta.url).pathname;
console.log('Building the shop app…');
await build({ root, logLevel: 'warn' });
const server = await preview({
  root,
  logLevel: 'warn',
  preview: { port: Number(process.env.PORT ?? 4173), strictPort: false },
});
const url = server.resolvedUrls?.local[0] ?? 'http://127.0.0.1:4173/';
const accounts = JSON.parse(readFileSync(new URL('../src/demo-accounts.json', import.meta.url), 'utf8'));

console.log(`\nRPMA shop app: ${url}\n`);
console.log('Demo accounts (also on the sign-in page, where a click fills the form):');
for (const a of accounts) {
  console.log(
    `  ${a.displayName.padEnd(16)} ${a.role.padEnd(11)} ${a.email.padEnd(24)} password: ${a.password}`,
  );
}
console.log('\nEverything runs in the browser (sql.js). Ctrl-C to stop.');
