import { defineRpmaElements } from '@rpma/ui-components/define';
import { seedDemoShop } from './seed/seed-demo.js';
import { ShopApp } from './shop-app.js';
import { createShopEngine } from './shop-engine.js';

defineRpmaElements();
const status = document.querySelector('.booting') as HTMLElement;

try {
  const engine = await createShopEngine();
  await seedDemoShop(engine, (done, total, what) => {
    status.textContent = `Preparing the demo shop (first start): ${what}… ${Math.round((done / total) * 100)} %`;
  });
  customElements.define('shop-app', ShopApp);
  (document.querySelector('shop-app') as ShopApp).engine = engine;
} catch (error) {
  status.textContent = `The shop could not open its store: ${error instanceof Error ? error.message : String(error)}`;
  status.setAttribute('role', 'alert');
}
