import { describe, expect, test } from 'vitest';
import { guessMapping, normalizeHeader } from './columns';

describe('column mapping guess', () => {
  test('French headers as our exports and people write them', () => {
    const headers = ['Réf.', 'Titre', 'Énoncé', 'Critères d’acceptation', 'Priorité', 'Statut', 'Étiquettes', 'Parent', 'Commentaire'];
    expect(guessMapping('requirement', headers)).toEqual({
      ref: 0,
      title: 1,
      statement: 2,
      acceptanceCriteria: 3,
      priority: 4,
      status: 5,
      tags: 6,
      parentRef: 7,
    });
  });

  test('English headers, in another order, with a header that starts with a synonym', () => {
    expect(guessMapping('requirement', ['Priority', 'Title of the requirement', 'ID', 'Description', 'Acceptance criteria'])).toEqual({
      priority: 0,
      title: 1,
      ref: 2,
      statement: 3,
      acceptanceCriteria: 4,
    });
  });

  test('test cases with their step columns; a column is used once', () => {
    const headers = ['Ref', 'Cas de test', 'Type', 'N° étape', 'Action', 'Résultat attendu', 'Titre'];
    expect(guessMapping('testCase', headers)).toEqual({ ref: 0, type: 2, stepNumber: 3, stepAction: 4, stepExpected: 5, title: 6 });
    expect(guessMapping('testCase', ['Test case', 'Step', 'Expected result', 'Automated', 'Automation key'])).toEqual({
      title: 0,
      stepNumber: 1,
      stepExpected: 2,
      automated: 3,
      automationKey: 4,
    });
  });

  test('headers without a known name map to nothing', () => {
    expect(guessMapping('requirement', ['', 'Colonne 1', 'xyz'])).toEqual({});
    expect(normalizeHeader('  Clé d\'automatisation ')).toBe('cle d automatisation');
  });
});
