import type { ProjectRole } from '@/lib/auth/roles';

/** Demo accounts of the embedded default, one per role; listed in the README and printed on first start. */
export const DEMO_PASSWORD = 'passerelle-demo';

export const DEMO_ACCOUNTS: ReadonlyArray<{ email: string; name: string; role: ProjectRole; isAdmin: boolean; title: string }> = [
  { email: 'claire.martin@passerelle.demo', name: 'Claire Martin', role: 'owner', isAdmin: true, title: 'Cheffe de projet AMOE' },
  { email: 'julien.bernard@passerelle.demo', name: 'Julien Bernard', role: 'amoe', isAdmin: false, title: 'Consultant AMOE' },
  { email: 'sophie.durand@passerelle.demo', name: 'Sophie Durand', role: 'amoa', isAdmin: false, title: 'Analyste AMOA' },
  { email: 'philippe.leroy@passerelle.demo', name: 'Philippe Leroy', role: 'moa', isAdmin: false, title: 'Directeur des ressources humaines (MOA)' },
  { email: 'nadia.petit@passerelle.demo', name: 'Nadia Petit', role: 'viewer', isAdmin: false, title: 'Contrôleuse de gestion (lecture)' },
];

export const DEMO_PROJECT = {
  key: 'PAIE',
  name: 'Refonte du SI de paie',
  client: 'Groupe Exemple',
  description:
    'Remplacement du moteur de paie historique par un progiciel du marché, reprise des données de 12 000 salariés ' +
    'et interfaçage avec la comptabilité, le SIRH et la DSN. Mise en production visée au 1er janvier.',
} as const;
