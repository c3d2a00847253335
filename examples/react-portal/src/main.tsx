import { defineRpmaElements } from '@rpma/ui-components/define';
import { createRoot } from 'react-dom/client';
import { PortalApp } from './portal-app.js';
import { createPortalEngine } from './portal-engine.js';

defineRpmaElements();
const engine = await createPortalEngine('rpma-react-portal');
const principal = engine.auth.trust({ userId: 'portal-1', role: 'supervisor', displayName: 'Portal' });
const shop = engine.as(principal);
const client =
  (await shop.clients.list({ limit: 1 })).items[0] ??
  (await shop.clients.create({ kind: 'individual', name: 'Walk-in customer' }));
const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root');
createRoot(container).render(<PortalApp engine={engine} principal={principal} clientId={client.id} />);
