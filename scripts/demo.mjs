// `npm run demo`: builds and serves examples/shop-app (its own demo script prints the URL and accounts).
import { spawn } from 'node:child_process';

const child = spawn('npm', ['run', 'demo', '-w', 'examples/shop-app'], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 1));
