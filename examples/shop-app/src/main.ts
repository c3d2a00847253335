import { createEngine } from '@rpma/engine';
import { sqljsStorage } from '@rpma/storage-sqljs';
import { defineRpmaElements } from '@rpma/ui-components/define';
import wasmUrl from 'sql.js/dist/sql-wasm-browser.wasm?url';
import { ShopApp } from './shop-app.js';

const engine = await createEngine({
  storage: sqljsStorage({ locateWasm: () => wasmUrl }),
});
defineRpmaElements();
customElements.define('shop-app', ShopApp);
const app = document.querySelector('shop-app') as ShopApp;
app.engine = engine;
