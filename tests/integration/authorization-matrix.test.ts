import { revalidatePath } from 'next/cache';
import { describe, expect, test } from 'vitest';
import { getDb } from '@/db/client';
import { getInstancePolicy } from '@/db/queries/instance-policy';
import { exportProjectArchive } from '@/db/queries/project-archive/export';
import { getStorage } from '@/lib/storage/select-storage';
import { anomalySpecifications } from '@/db/schema';
import type { ActionErrorCode } from '@/lib/actions/result';
import { PROJECT_ROLES, type ProjectRole } from '@/lib/auth/roles';
import { TEST_PASSWORD, actAs, issueTestToken, unique, uniqueProjectKey, userRow, type TestUser } from '../setup/actors';
import { createApiTokenRow } from '../setup/api-tokens';
import { applicationTables, auditRowsSince, maxAuditId, snapshotTables } from '../setup/db-state';
import { freshEachTime } from '../setup/db-snapshot';
import { approvalSubject, findApprovalRequest, listReservations, reservationSubject } from '@/db/queries/approvals';
import { signable } from '@/db/queries/signatures';
import { createApprovalRequestRow, createBaselineRow, createReservationRow, createSignatureRow } from '../setup/signoff-rows';
import { createReqifUploadRow } from '../setup/reqif-rows';
import { createNotificationRow } from '../setup/notification-rows';
import {
  createAnomalyRow,
  createAttachmentRow,
  createCampaignRow,
  createExecutionRow,
  createItemRow,
  createRunInNewCampaign,
} from '../setup/recette-rows';
import { createLink, createRequirementRow, createSpecificationRow, createTestCaseRow } from '../setup/trace-items';
import { createChecklistItemRow, createGoLiveRow, createGoNoGoRecordRow, createReleaseRow, createSignedGoRow, vsrShown } from '../setup/readiness-rows';
import { findGoNoGoRecord } from '@/db/queries/readiness';
import { loadServerActions, scanServerActionModules, type AnyServerAction } from '../setup/server-actions';
import { ACTOR_KINDS, actorOf, createWorld, type ActorKind, type World } from '../setup/world';

/**
 * The authorization matrix (DESIGN.md §4 and §7): every exported server action × every project role × a member of
 * another project only × an instance administrator × nobody signed in.
 *
 * To add an action: add one entry below, keyed by its export name. `roles` is written out by hand from the design
 * table (not derived from the code), so a permission changed by mistake fails here.
 *
 * Scopes:
 *   public  – anyone, signed in or not;
 *   user    – any signed-in active account; signed out → 'unauthenticated'; with `only`, the instance policy (at
 *             its defaults) lets only those kinds of account through and the others get 'forbidden';
 *   admin   – instance administrators; other accounts → 'forbidden', signed out → 'unauthenticated';
 *   project – members of the project whose role is listed; other members → 'forbidden'; everyone else signed in
 *             (members of other projects, administrators) → 'not_found'; signed out → 'unauthenticated'.
 */
type InputBuilder = (world: World, actor: TestUser | null) => unknown;
/** Whom the audit row names when the action succeeds: the caller by default. */
type AuditActor = (world: World, actor: TestUser | null) => string | null;
type MatrixEntry =
  /** `input` builds valid input for this world and actor: a denial must come from authorization, never from validation. */
  | { scope: 'public' | 'user' | 'admin'; input: InputBuilder; auditActor?: AuditActor; only?: readonly ActorKind[] }
  | { scope: 'project'; roles: readonly ProjectRole[]; input: InputBuilder; auditActor?: AuditActor; readOnly?: true }
  /** Actions whose success ends in a redirect (Auth.js sign-in / sign-out): tested in the named file. */
  | { scope: 'public' | 'user'; coveredElsewhere: string };

const MATRIX: Record<string, MatrixEntry> = {
  // app/(auth)/login/actions.ts
  signInWithPassword: { scope: 'public', coveredElsewhere: 'tests/integration/sign-in.test.ts' },
  signOutCurrentSession: { scope: 'user', coveredElsewhere: 'tests/integration/sign-in.test.ts' },

  // app/(auth)/set-password/actions.ts
  setPasswordWithToken: {
    scope: 'public',
    input: async (world) => ({
      token: await issueTestToken(world.target),
      password: 'un mot de passe neuf',
      confirmation: 'un mot de passe neuf',
    }),
    // Whoever opens the link, the journal names the account whose password was chosen.
    auditActor: (world) => world.target.id,
  },

  // app/(app)/profile/actions.ts
  updateProfile: {
    scope: 'user',
    input: async (_world, actor) => ({
      name: 'Nom modifié',
      locale: 'en',
      version: actor ? (await userRow(actor.id))!.version : 1,
    }),
  },
  setPreferredLocale: { scope: 'user', input: () => ({ locale: 'en' }) },
  changePassword: {
    scope: 'user',
    input: () => ({ currentPassword: TEST_PASSWORD, newPassword: 'un nouveau mot de passe' }),
  },
  signOutEverywhere: { scope: 'user', input: () => ({}) },

  // app/(app)/notifications/actions.ts: each person's own notices (someone else's is not found, tested there).
  markNotificationRead: {
    scope: 'project',
    roles: PROJECT_ROLES,
    input: async (world, actor) => ({
      projectKey: world.project.key,
      notificationId: (await createNotificationRow(actor ?? world.members.owner, world.project)).id,
    }),
  },
  markAllNotificationsRead: {
    scope: 'user',
    input: async (_world, actor) => {
      await createNotificationRow(actor);
      return {};
    },
  },
  setEmailNotifications: { scope: 'user', input: () => ({ enabled: false }) },

  // app/(app)/projects/actions.ts
  createProject: {
    scope: 'user',
    // The default instance policy: administrators create projects, nobody else.
    only: ['admin'],
    input: () => ({ key: uniqueProjectKey('N'), name: 'Nouveau projet', client: 'Nouveau client' }),
  },

  // app/(app)/projects/import/actions.ts: importing makes a new project, under the same policy as creating one.
  importProject: {
    scope: 'user',
    only: ['admin'],
    input: async (world) => {
      const archive = await new Response(exportProjectArchive(getDb(), getStorage(), world.project.id)).arrayBuffer();
      const form = new FormData();
      form.set('key', uniqueProjectKey('I'));
      form.set('name', 'Projet importé');
      form.set('archive', new File([archive], 'projet.zip', { type: 'application/zip' }));
      return form;
    },
  },

  // app/(app)/projects/[projectKey]/settings/actions.ts
  updateProject: {
    scope: 'project',
    roles: ['owner'],
    input: (world) => ({
      projectKey: world.project.key,
      name: 'Nom changé',
      client: 'Client changé',
      description: 'Description changée',
      version: world.project.version,
    }),
  },
  addMember: {
    scope: 'project',
    roles: ['owner'],
    // An existing account: by default owners may not create accounts (tests/integration/instance-policy.test.ts).
    input: (world) => ({ projectKey: world.project.key, email: world.target.email, role: 'amoe' }),
  },
  changeMemberRole: {
    scope: 'project',
    roles: ['owner'],
    input: (world) => ({ projectKey: world.project.key, userId: world.members.viewer.id, role: 'amoa' }),
  },
  removeMember: {
    scope: 'project',
    roles: ['owner'],
    input: (world) => ({ projectKey: world.project.key, userId: world.members.viewer.id }),
  },

  // app/(app)/projects/[projectKey]/settings/api/actions.ts — API tokens: owners only (DESIGN.md §4)
  createApiToken: {
    scope: 'project',
    roles: ['owner'],
    input: (world) => ({ projectKey: world.project.key, name: 'CI GitLab', scope: 'write', expiresInDays: '30' }),
  },
  revokeApiToken: {
    scope: 'project',
    roles: ['owner'],
    input: async (world) => ({ projectKey: world.project.key, tokenId: (await createApiTokenRow(world.project, world.members.owner)).id }),
  },

  // app/(app)/projects/[projectKey]/requirements/actions.ts — requirements.write: owner and amoa
  createRequirement: {
    scope: 'project',
    roles: ['owner', 'amoa'],
    input: (world) => ({
      projectKey: world.project.key,
      title: 'Calcul de la paie',
      statement: 'Le salaire est versé le 28.',
      priority: 'must',
      tags: 'paie, rh',
    }),
  },
  updateRequirement: {
    scope: 'project',
    roles: ['owner', 'amoa'],
    input: async (world) => {
      const requirement = await createRequirementRow(world.project, { title: 'Avant' });
      return { projectKey: world.project.key, id: requirement.id, revision: requirement.revision, title: 'Après', priority: 'should' };
    },
  },

  // app/(app)/projects/[projectKey]/requirements/reqif-actions.ts — requirements.write (DESIGN.md §4), like the spreadsheet import
  importReqif: {
    scope: 'project',
    roles: ['owner', 'amoa'],
    input: async (world) => {
      const upload = await createReqifUploadRow(world.project, world.members.owner.id);
      return { projectKey: world.project.key, uploadId: upload.id, decisions: [] };
    },
  },
  // app/(app)/projects/[projectKey]/imports/actions.ts — requirements by owner and amoa, test cases by owner and amoe
  importRequirements: {
    scope: 'project',
    roles: ['owner', 'amoa'],
    input: (world) => ({
      projectKey: world.project.key,
      rows: [{ line: 2, cells: ['Calcul du brut', 'Doit'] }],
      mapping: { title: 0, priority: 1 },
      dryRun: false,
    }),
  },
  importTestCases: {
    scope: 'project',
    roles: ['owner', 'amoe'],
    input: (world) => ({
      projectKey: world.project.key,
      rows: [
        { line: 2, cells: ['Bulletin de mars', 'Ouvrir le bulletin', 'Il s’affiche'] },
        { line: 3, cells: ['', 'Lire le net', 'Il vaut 2 345,67 €'] },
      ],
      mapping: { title: 0, stepAction: 1, stepExpected: 2 },
      dryRun: false,
    }),
  },

  // app/(app)/projects/[projectKey]/specifications/actions.ts — specifications.write: owner and amoe
  createSpecification: {
    scope: 'project',
    roles: ['owner', 'amoe'],
    input: (world) => ({ projectKey: world.project.key, title: 'Architecture cible', body: '# Vue', category: 'architecture' }),
  },
  updateSpecification: {
    scope: 'project',
    roles: ['owner', 'amoe'],
    input: async (world) => {
      const specification = await createSpecificationRow(world.project, { status: 'approved' });
      return {
        projectKey: world.project.key,
        id: specification.id,
        revision: specification.revision,
        title: 'Titre revu',
        body: 'Nouveau corps',
        category: 'security',
      };
    },
  },
  changeSpecificationStatus: {
    scope: 'project',
    roles: ['owner', 'amoe'],
    input: async (world) => {
      const specification = await createSpecificationRow(world.project, { status: 'draft' });
      return { projectKey: world.project.key, id: specification.id, revision: specification.revision, status: 'in_review' };
    },
  },

  // app/(app)/projects/[projectKey]/traceability/actions.ts — trace links are written by owner and amoe
  linkRequirementToSpecification: {
    scope: 'project',
    roles: ['owner', 'amoe'],
    input: async (world) => {
      const requirement = await createRequirementRow(world.project);
      const specification = await createSpecificationRow(world.project);
      return { projectKey: world.project.key, requirementId: requirement.id, specificationId: specification.id };
    },
  },
  removeTraceLink: {
    scope: 'project',
    roles: ['owner', 'amoe'],
    input: async (world) => {
      const requirement = await createRequirementRow(world.project);
      const link = await createLink(world.project, requirement, await createSpecificationRow(world.project));
      return { projectKey: world.project.key, linkId: link.id };
    },
  },
  reviewTraceLink: {
    scope: 'project',
    roles: ['owner', 'amoe'],
    input: async (world) => {
      // A suspect link: the requirement moved to version 3 after the link was reviewed against version 1.
      const requirement = await createRequirementRow(world.project, { version: 3 });
      const link = await createLink(world.project, requirement, await createSpecificationRow(world.project), { reviewedVersion: 1 });
      return { projectKey: world.project.key, linkId: link.id, seenVersion: 3 };
    },
  },

  // app/(app)/projects/[projectKey]/test-cases/actions.ts — tests.write: owner and amoe
  createTestCase: {
    scope: 'project',
    roles: ['owner', 'amoe'],
    input: (world) => ({
      projectKey: world.project.key,
      title: 'Calcul du net',
      type: 'functional',
      steps: JSON.stringify([{ action: 'Ouvrir le bulletin', expected: 'Le net est affiché' }]),
    }),
  },
  updateTestCase: {
    scope: 'project',
    roles: ['owner', 'amoe'],
    input: async (world) => {
      const testCase = await createTestCaseRow(world.project, { title: 'Avant' });
      return { projectKey: world.project.key, id: testCase.id, revision: testCase.revision, title: 'Après', type: 'integration' };
    },
  },
  linkTestCase: {
    scope: 'project',
    roles: ['owner', 'amoe'],
    input: async (world) => {
      const testCase = await createTestCaseRow(world.project);
      const specification = await createSpecificationRow(world.project);
      return { projectKey: world.project.key, testCaseId: testCase.id, targetType: 'specification', targetId: specification.id };
    },
  },

  // app/(app)/projects/[projectKey]/campaigns/actions.ts — tests.write: owner and amoe (DESIGN.md §4: campaigns)
  createCampaign: {
    scope: 'project',
    roles: ['owner', 'amoe'],
    input: (world) => ({ projectKey: world.project.key, name: 'VABF lot 1', type: 'vabf', plannedStart: '2026-03-02', plannedEnd: '2026-03-13' }),
  },
  updateCampaign: {
    scope: 'project',
    roles: ['owner', 'amoe'],
    input: async (world) => {
      const campaign = await createCampaignRow(world.project);
      return { projectKey: world.project.key, id: campaign.id, revision: campaign.revision, name: 'Renommée', type: 'vsr' };
    },
  },
  startCampaign: {
    scope: 'project',
    roles: ['owner', 'amoe'],
    input: async (world) => {
      const campaign = await createCampaignRow(world.project);
      return { projectKey: world.project.key, id: campaign.id, revision: campaign.revision };
    },
  },
  closeCampaign: {
    scope: 'project',
    roles: ['owner', 'amoe'],
    input: async (world) => {
      const campaign = await createCampaignRow(world.project, { status: 'in_progress' });
      await createItemRow(campaign, world.project, await createTestCaseRow(world.project), { notRunReason: 'Hors lot' });
      return { projectKey: world.project.key, id: campaign.id, revision: campaign.revision };
    },
  },
  addToScope: {
    scope: 'project',
    roles: ['owner', 'amoe'],
    input: async (world) => {
      const campaign = await createCampaignRow(world.project);
      const testCase = await createTestCaseRow(world.project);
      return { projectKey: world.project.key, campaignId: campaign.id, by: 'testCase', ref: `CT-${testCase.number}` };
    },
  },
  removeFromScope: {
    scope: 'project',
    roles: ['owner', 'amoe'],
    input: async (world) => {
      const campaign = await createCampaignRow(world.project);
      const item = await createItemRow(campaign, world.project, await createTestCaseRow(world.project));
      return { projectKey: world.project.key, campaignId: campaign.id, itemIds: [item.id] };
    },
  },
  assignItems: {
    scope: 'project',
    roles: ['owner', 'amoe'],
    input: async (world) => {
      const campaign = await createCampaignRow(world.project);
      const item = await createItemRow(campaign, world.project, await createTestCaseRow(world.project));
      return { projectKey: world.project.key, campaignId: campaign.id, itemIds: [item.id], assigneeId: world.members.moa.id };
    },
  },
  setItemNotRun: {
    scope: 'project',
    roles: ['owner', 'amoe'],
    input: async (world) => {
      const campaign = await createCampaignRow(world.project);
      const item = await createItemRow(campaign, world.project, await createTestCaseRow(world.project));
      return { projectKey: world.project.key, itemId: item.id, revision: item.revision, reason: 'Environnement indisponible' };
    },
  },
  clearItemNotRun: {
    scope: 'project',
    roles: ['owner', 'amoe'],
    input: async (world) => {
      const campaign = await createCampaignRow(world.project);
      const item = await createItemRow(campaign, world.project, await createTestCaseRow(world.project), { notRunReason: 'Reporté' });
      return { projectKey: world.project.key, itemId: item.id, revision: item.revision };
    },
  },
  // app/(app)/projects/[projectKey]/campaigns/[number]/results/actions.ts — importing results writes campaigns: owner, amoe
  previewCampaignResults: {
    scope: 'project',
    roles: ['owner', 'amoe'],
    readOnly: true,
    input: async (world) => {
      const campaign = await createCampaignRow(world.project);
      return { projectKey: world.project.key, campaignId: campaign.id, files: [junitFile()] };
    },
  },
  importCampaignResults: {
    scope: 'project',
    roles: ['owner', 'amoe'],
    input: async (world) => {
      const campaign = await createCampaignRow(world.project);
      return { projectKey: world.project.key, campaignId: campaign.id, files: [junitFile()], build: '2.0.0', environment: 'CI', createProposed: true };
    },
  },
  // app/(app)/projects/[projectKey]/campaigns/[number]/run/actions.ts — tests.execute: owner, amoe, amoa and moa
  startExecution: {
    scope: 'project',
    roles: ['owner', 'amoe', 'amoa', 'moa'],
    input: async (world) => {
      const { item } = await runnableItem(world);
      return { projectKey: world.project.key, campaignItemId: item.id };
    },
  },
  recordStep: {
    scope: 'project',
    roles: ['owner', 'amoe', 'amoa', 'moa'],
    input: async (world) => ({ projectKey: world.project.key, executionId: await openExecution(world), stepIndex: 0, status: 'failed', actual: 'Écran vide', revision: 1 }),
  },
  recordMeasurements: {
    scope: 'project',
    roles: ['owner', 'amoe', 'amoa', 'moa'],
    input: async (world) => ({ projectKey: world.project.key, executionId: await openExecution(world), measurements: [], revision: 1 }),
  },
  finishExecution: {
    scope: 'project',
    roles: ['owner', 'amoe', 'amoa', 'moa'],
    input: async (world) => ({
      projectKey: world.project.key,
      executionId: await openExecution(world),
      status: 'blocked',
      overrideReason: 'Environnement indisponible',
      revision: 1,
    }),
  },
  confirmRetest: {
    scope: 'project',
    roles: ['owner', 'amoe', 'amoa', 'moa'],
    input: async (world) => {
      const { campaign, item, testCase } = await runnableItem(world);
      const failed = await createExecutionRow(item, campaign, world.project, testCase, { status: 'failed', startedAt: new Date(Date.now() - 3_600_000) });
      const anomaly = await createAnomalyRow(world.project, { status: 'to_retest', executionIds: [failed.id] });
      const retest = await createExecutionRow(item, campaign, world.project, testCase, { status: 'passed', startedAt: new Date(Date.now() - 300_000) });
      return { projectKey: world.project.key, anomalyId: anomaly.id, executionId: retest.id, outcome: 'close' };
    },
  },
  // app/(app)/projects/[projectKey]/attachments/actions.ts — tests.execute, and only one's own evidence (the owner: any)
  removeAttachment: {
    scope: 'project',
    roles: ['owner', 'amoe', 'amoa', 'moa'],
    input: async (world, actor) => {
      const execution = await createRunInNewCampaign(world.project);
      const attachment = await createAttachmentRow(world.project, { executionId: execution.id }, actor?.id ?? null);
      return { projectKey: world.project.key, attachmentId: attachment.id };
    },
  },

  // app/(app)/projects/[projectKey]/anomalies/actions.ts — tests.execute raises and works anomalies, the team assigns
  raiseAnomaly: {
    scope: 'project',
    roles: ['owner', 'amoe', 'amoa', 'moa'],
    input: (world) => ({ projectKey: world.project.key, title: 'Le net est faux', severity: 'major' }),
  },
  updateAnomaly: {
    scope: 'project',
    roles: ['owner', 'amoe', 'amoa', 'moa'],
    // Reported by the caller and still new: the reporter may edit its texts, the team everything.
    input: async (world, actor) => {
      const anomaly = await createAnomalyRow(world.project, { title: 'Avant', createdBy: actor?.id ?? null });
      return { projectKey: world.project.key, id: anomaly.id, revision: anomaly.revision, title: 'Après', severity: 'major' };
    },
  },
  moveAnomaly: {
    scope: 'project',
    roles: ['owner', 'amoe', 'amoa', 'moa'],
    // Closing after a retest is every tester's move (lib/recette/anomaly-workflow.ts).
    input: async (world) => {
      const anomaly = await createAnomalyRow(world.project, { status: 'to_retest' });
      return { projectKey: world.project.key, id: anomaly.id, revision: anomaly.revision, to: 'closed', reason: 'Retesté' };
    },
  },
  commentAnomaly: {
    scope: 'project',
    roles: ['owner', 'amoe', 'amoa', 'moa', 'viewer'],
    input: async (world) => ({ projectKey: world.project.key, id: (await createAnomalyRow(world.project)).id, body: 'Vu en **recette**' }),
  },
  assignAnomaly: {
    scope: 'project',
    roles: ['owner', 'amoe'],
    input: async (world) => {
      const anomaly = await createAnomalyRow(world.project);
      return { projectKey: world.project.key, id: anomaly.id, revision: anomaly.revision, assigneeId: world.members.amoe.id };
    },
  },
  linkAnomalySpecification: {
    scope: 'project',
    roles: ['owner', 'amoe', 'amoa', 'moa'],
    input: async (world) => ({
      projectKey: world.project.key,
      id: (await createAnomalyRow(world.project)).id,
      specificationId: (await createSpecificationRow(world.project)).id,
    }),
  },
  unlinkAnomalySpecification: {
    scope: 'project',
    roles: ['owner', 'amoe', 'amoa', 'moa'],
    input: async (world) => {
      const anomaly = await createAnomalyRow(world.project);
      const specification = await createSpecificationRow(world.project);
      await getDb().insert(anomalySpecifications).values({ anomalyId: anomaly.id, specificationId: specification.id });
      return { projectKey: world.project.key, id: anomaly.id, specificationId: specification.id };
    },
  },

  // app/(app)/projects/[projectKey]/approvals/actions.ts — RACI by the owner, baselines by spec writers, requests by
  // owner/amoe/amoa, decisions, liftings and revocations (all signed) by the MOA only, comments by everyone.
  setRaci: {
    scope: 'project',
    roles: ['owner'],
    input: (world) => ({
      projectKey: world.project.key,
      deliverable: 'baseline',
      revision: 0,
      quorum: '',
      assignments: [{ userId: world.members.moa.id, raciRole: 'approver' }],
    }),
  },
  createBaseline: {
    scope: 'project',
    roles: ['owner', 'amoe'],
    input: async (world) => ({
      projectKey: world.project.key,
      name: 'Ligne de base lot 1',
      specificationIds: [(await createSpecificationRow(world.project)).id],
    }),
  },
  requestBaselineApproval: {
    scope: 'project',
    roles: ['owner', 'amoe', 'amoa'],
    input: async (world) => ({
      projectKey: world.project.key,
      baselineId: (await createBaselineRow(world.project, [(await createSpecificationRow(world.project)).id])).id,
      message: 'Merci de valider.',
    }),
  },
  requestCampaignReportApproval: {
    scope: 'project',
    roles: ['owner', 'amoe', 'amoa'],
    input: async (world) => ({
      projectKey: world.project.key,
      campaignId: (await createCampaignRow(world.project, { status: 'closed' })).id,
      message: 'Merci de valider le rapport.',
    }),
  },
  commentOnApproval: {
    scope: 'project',
    roles: ['owner', 'amoe', 'amoa', 'moa', 'viewer'],
    input: async (world) => {
      const baseline = await createBaselineRow(world.project, [(await createSpecificationRow(world.project)).id]);
      return { projectKey: world.project.key, requestId: (await createApprovalRequestRow(world.project, baseline)).id, body: 'Relu, une question sur STD-1.' };
    },
  },
  decideApproval: {
    scope: 'project',
    roles: ['moa'],
    input: async (world) => {
      const baseline = await createBaselineRow(world.project, [(await createSpecificationRow(world.project)).id]);
      const created = await createApprovalRequestRow(world.project, baseline);
      const request = (await findApprovalRequest(getDb(), world.project.id, { id: created.id }))!;
      const seen = signable(await approvalSubject(getDb(), world.project.id, request));
      return {
        projectKey: world.project.key,
        requestId: request.id,
        decision: 'approved',
        password: TEST_PASSWORD,
        shownVersion: seen.version,
        shownHash: seen.hash,
      };
    },
  },
  liftReservation: {
    scope: 'project',
    roles: ['moa'],
    input: async (world) => {
      const baseline = await createBaselineRow(world.project, [(await createSpecificationRow(world.project)).id]);
      const request = await createApprovalRequestRow(world.project, baseline, { status: 'approved_with_reservations' });
      const created = await createReservationRow(world.project, request, { ownerId: world.members.amoe.id });
      const reservation = (await listReservations(getDb(), world.project.id, request.id)).find((r) => r.id === created.id)!;
      const seen = signable(reservationSubject(reservation));
      return { projectKey: world.project.key, reservationId: reservation.id, password: TEST_PASSWORD, shownVersion: seen.version, shownHash: seen.hash };
    },
  },
  revokeSignature: {
    scope: 'project',
    roles: ['moa'],
    input: async (world, actor) => ({
      projectKey: world.project.key,
      signatureId: await createSignatureRow(world.project, actor ?? world.members.moa),
      reason: 'Signé par erreur.',
      password: TEST_PASSWORD,
    }),
  },

  // app/(app)/admin/users/actions.ts
  createUser: {
    scope: 'admin',
    input: () => ({ name: 'Nouvelle personne', email: `${unique('created')}@example.test`, isAdmin: false }),
  },
  issuePasswordLink: { scope: 'admin', input: (world) => ({ userId: world.target.id }) },
  setUserActive: { scope: 'admin', input: (world) => ({ userId: world.target.id, active: false }) },
  setProjectCreator: { scope: 'admin', input: (world) => ({ userId: world.target.id, creator: true }) },
  pseudonymizeUser: { scope: 'admin', input: (world) => ({ userId: world.target.id }) },
  // Saves the defaults again, so the cases after this one still run under the default policy.
  updateInstancePolicy: {
    scope: 'admin',
    input: async () => ({ projectCreation: 'admins', ownersMayCreateAccounts: false, version: (await getInstancePolicy(getDb())).version }),
  },

  // app/(app)/projects/[projectKey]/readiness/actions.ts
  createRelease: {
    scope: 'project',
    roles: ['owner', 'amoe'],
    input: async (world) => ({
      projectKey: world.project.key,
      name: 'Mise en production lot 1',
      version: '2.4.0',
      targetDate: '2026-04-06',
      campaignIds: [(await createCampaignRow(world.project)).id],
    }),
  },
  updateRelease: {
    scope: 'project',
    roles: ['owner', 'amoe'],
    input: async (world) => {
      const release = await createReleaseRow(world.project);
      return { projectKey: world.project.key, id: release.id, revision: release.revision, name: 'Renommée', campaignIds: [] };
    },
  },
  deleteRelease: {
    scope: 'project',
    roles: ['owner', 'amoe'],
    input: async (world) => {
      const release = await createReleaseRow(world.project);
      return { projectKey: world.project.key, id: release.id, revision: release.revision };
    },
  },
  updateReadinessThresholds: {
    scope: 'project',
    roles: ['owner'],
    input: (world) => ({ projectKey: world.project.key, maxBlocking: 0, maxMajor: 5, revision: 1 }),
  },
  addChecklistItem: {
    scope: 'project',
    roles: ['owner', 'amoe'],
    input: async (world) => ({ projectKey: world.project.key, releaseId: (await createReleaseRow(world.project)).id, label: 'Astreinte organisée' }),
  },
  updateChecklistItem: {
    scope: 'project',
    roles: ['owner', 'amoe'],
    input: async (world) => {
      const item = await createChecklistItemRow(world.project, await createReleaseRow(world.project));
      return { projectKey: world.project.key, id: item.id, revision: item.revision, label: 'Plan de retour arrière', status: 'done' };
    },
  },
  removeChecklistItem: {
    scope: 'project',
    roles: ['owner', 'amoe'],
    input: async (world) => {
      const item = await createChecklistItemRow(world.project, await createReleaseRow(world.project));
      return { projectKey: world.project.key, id: item.id, revision: item.revision };
    },
  },
  // The MOA is the go / no-go's approver under the default RACI.
  signGoNoGo: {
    scope: 'project',
    roles: ['moa'],
    input: async (world) => {
      const release = await createReleaseRow(world.project);
      const created = await createGoNoGoRecordRow(world.project, release, world.members.amoe);
      const record = (await findGoNoGoRecord(getDb(), world.project.id, created.id))!;
      return { projectKey: world.project.key, goNoGoRecordId: record.id, password: TEST_PASSWORD, shownVersion: 1, shownHash: record.snapshotHash };
    },
  },
  recordGoLive: {
    scope: 'project',
    roles: ['owner', 'amoe'],
    input: async (world) => {
      const { release } = await createSignedGoRow(world.project, world.members.moa);
      return { projectKey: world.project.key, releaseId: release.id, deployedAt: '2026-03-14T21:30', versionDeployed: '1.0.0', deployedBy: 'Exploitation', runbookLabels: ['Déploiement'], runbookDoneAt: ['2026-03-14T21:00'] };
    },
  },
  // The MOA is the go / no-go's approver under the default RACI; the go-live's VSR is over.
  decideFinalAcceptance: {
    scope: 'project',
    roles: ['moa'],
    input: async (world) => {
      const { release } = await createGoLiveRow(world.project, world.members.moa, { daysAgo: 40 });
      const { shownVersion, shownHash } = await vsrShown(world.project, release.number);
      return { projectKey: world.project.key, releaseId: release.id, decision: 'accepted', password: TEST_PASSWORD, shownVersion, shownHash };
    },
  },
  // Over one closed campaign with nothing else in the project, every criterion is met but the baseline (none yet):
  // the proposal is GO avec réserves.
  recordGoNoGo: {
    scope: 'project',
    roles: ['owner', 'amoe'],
    input: async (world) => {
      const release = await createReleaseRow(world.project, [await createCampaignRow(world.project, { status: 'closed' })]);
      return { projectKey: world.project.key, releaseId: release.id, decision: 'go_with_reservations', proposedDecision: 'go_with_reservations', participantIds: [world.members.moa.id] };
    },
  },
};

/** A campaign in progress with one item, ready to be run. */
async function runnableItem(world: World) {
  const testCase = await createTestCaseRow(world.project);
  const campaign = await createCampaignRow(world.project, { status: 'in_progress' });
  const item = await createItemRow(campaign, world.project, testCase);
  return { testCase, campaign, item };
}

/** A JUnit report with one passing case nothing matches yet (proposed, then created by the import). */
function junitFile(): File {
  return new File(['<testsuite name="ci"><testcase classname="ci.Matrix" name="passes"/></testsuite>'], 'ci.xml', { type: 'application/xml' });
}

/** A run just started (revision 1, every step unanswered), as startExecution leaves it. */
async function openExecution(world: World): Promise<string> {
  const { testCase, campaign, item } = await runnableItem(world);
  return (await createExecutionRow(item, campaign, world.project, testCase, { status: 'in_progress' })).id;
}

function expectedOutcome(entry: MatrixEntry, kind: ActorKind): 'ok' | ActionErrorCode {
  if (entry.scope === 'public') return 'ok';
  if (kind === 'signedOut') return 'unauthenticated';
  if (entry.scope === 'user') return !('only' in entry) || !entry.only || entry.only.includes(kind) ? 'ok' : 'forbidden';
  if (entry.scope === 'admin') return kind === 'admin' ? 'ok' : 'forbidden';
  if (!('roles' in entry)) throw new Error('a project action lists its roles');
  if (!(PROJECT_ROLES as readonly string[]).includes(kind)) return 'not_found';
  return entry.roles.includes(kind as ProjectRole) ? 'ok' : 'forbidden';
}

const scan = scanServerActionModules();
const discovered = await loadServerActions(scan.modules);
const actions = new Map<string, AnyServerAction>(discovered.map((d) => [d.name, d.action]));

describe('the matrix covers every server action', () => {
  test('server action modules are found (the discovery itself works)', () => {
    expect(scan.modules).toContain('app/(app)/projects/actions.ts');
    expect(scan.modules.length).toBeGreaterThanOrEqual(6);
  });

  test("every 'use server' directive is a module's first statement (no inline server functions escaping the matrix)", () => {
    expect(scan.inlineDirectives).toEqual([]);
  });

  test('every export of a server action module is a function with a unique name', () => {
    for (const { name, module, action } of discovered) expect(typeof action, `${module} → ${name}`).toBe('function');
    const names = discovered.map((d) => d.name);
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
  });

  test('every exported server action has a matrix entry', () => {
    const missing = discovered.filter((d) => !(d.name in MATRIX)).map((d) => `${d.module} → ${d.name}`);
    expect(missing, 'add these to MATRIX in tests/integration/authorization-matrix.test.ts').toEqual([]);
  });

  test('"changes nothing" is checked over every application table', async () => {
    expect(await applicationTables()).toEqual(
      expect.arrayContaining(['audit_events', 'login_throttles', 'password_tokens', 'project_members', 'projects', 'users']),
    );
  });

  test('every matrix entry is an exported server action', () => {
    expect(Object.keys(MATRIX).filter((name) => !actions.has(name))).toEqual([]);
  });
});

const cases = Object.entries(MATRIX).flatMap(([name, entry]) =>
  'coveredElsewhere' in entry ? [] : ACTOR_KINDS.map((kind) => ({ name, entry, kind, expected: expectedOutcome(entry, kind) })),
);

/**
 * The world, as fresh for this case as a new one, built once per file (as the security suites do): the database
 * stays the size of one world, so the snapshots each case compares stay cheap.
 */
const freshWorld = freshEachTime(createWorld);

describe('authorization matrix', () => {
  test.each(cases)('$name as $kind → $expected', async ({ name, entry, kind, expected }) => {
    if ('coveredElsewhere' in entry) throw new Error('unreachable');
    const action = actions.get(name);
    expect(action, `${name} is not an exported server action`).toBeTypeOf('function');
    const world = await freshWorld();
    const actor = actorOf(world, kind);
    await actAs(actor);
    const input = await entry.input(world, actor);

    const before = await snapshotTables();
    const lastAudit = await maxAuditId();
    const result = (await action!(input)) as { ok: boolean; code?: string; message?: string; data?: unknown };

    if (expected === 'ok' && 'readOnly' in entry) {
      // A preview answers without writing: no journal row, no table moved.
      expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
      expect(await snapshotTables()).toEqual(before);
      return;
    }
    if (expected === 'ok') {
      expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
      const written = await auditRowsSince(lastAudit);
      expect(written.length).toBeGreaterThanOrEqual(1);
      expect(written.map((row) => row.actor_id)).toContain(entry.auditActor ? entry.auditActor(world, actor) : (actor?.id ?? null));
      // The effect itself, not only its journal: some table other than the journal (and the sign-in throttles) moved.
      const after = await snapshotTables();
      const moved = Object.keys(after).filter((table) => after[table] !== before[table] && !['audit_events', 'login_throttles'].includes(table));
      expect(moved, `${name} journaled a change that did not happen`).not.toEqual([]);
      return;
    }

    expect(result).toMatchObject({ ok: false, code: expected });
    expect(result.message).toEqual(expect.any(String));
    expect(result.message).not.toBe('');
    expect(result).not.toHaveProperty('data');
    expect(await snapshotTables()).toEqual(before);
    expect(revalidatePath).not.toHaveBeenCalled();
  });
});
