import { describe, expect, test } from 'vitest';
import { pickMessages } from './pick-messages';

const catalogue = {
  nav: { language: 'Langue', signOut: 'Se déconnecter' },
  requirements: { title: 'Exigences', statuses: { draft: 'Brouillon', validated: 'Validée' }, priorities: { must: 'Doit' } },
  audit: { when: 'Quand' },
};

describe('pickMessages', () => {
  test('keeps only the namespaces asked for', () => {
    expect(pickMessages(catalogue, ['nav'])).toEqual({ nav: catalogue.nav });
    expect(pickMessages(catalogue, [])).toEqual({});
  });

  test('takes a branch of a namespace, and merges branches of the same namespace', () => {
    expect(pickMessages(catalogue, ['requirements.statuses', 'requirements.priorities', 'audit'])).toEqual({
      requirements: { statuses: catalogue.requirements.statuses, priorities: catalogue.requirements.priorities },
      audit: catalogue.audit,
    });
  });

  test('a whole namespace wins over a branch of it, in either order', () => {
    expect(pickMessages(catalogue, ['requirements.statuses', 'requirements'])).toEqual({ requirements: catalogue.requirements });
    expect(pickMessages(catalogue, ['requirements', 'requirements.statuses'])).toEqual({ requirements: catalogue.requirements });
  });

  test('never writes into the catalogue it picks from', () => {
    const frozen = structuredClone(catalogue);
    for (const branch of Object.values(frozen)) Object.freeze(branch);
    Object.freeze(frozen);
    const picked = pickMessages(frozen, ['requirements', 'requirements.statuses', 'nav']);
    expect(picked).toEqual({ requirements: catalogue.requirements, nav: catalogue.nav });
    expect(frozen).toEqual(catalogue);
  });

  test('a path that names nothing is refused', () => {
    expect(() => pickMessages(catalogue, ['missing'])).toThrow('No messages at "missing"');
    expect(() => pickMessages(catalogue, ['nav.language.deeper'])).toThrow('No messages at "nav.language.deeper"');
  });
});
