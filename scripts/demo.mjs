// `npm run demo` serves examples/shop-app once it exists (issue #7).
import { existsSync } from 'node:fs';

if (!existsSync(new URL('../examples/shop-app/package.json', import.meta.url))) {
  console.log(
    'The shop app is not built yet (issue #7): nothing to serve. The engine packages and `npm test` are ready.',
  );
  process.exit(0);
}
const { spawn } = await import('node:child_process');
const child = spawn('npm', ['run', 'demo', '-w', 'examples/shop-app'], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 1));
