import { getDb } from '@/db/client';
import { pseudonymOf } from '@/db/queries/accounts';
import { anomalyExecutions, anomalySpecifications, instanceSettings, raciSettings } from '@/db/schema';
import { DELIVERABLE_KINDS } from '@/lib/signoff/model';
import { TEST_PASSWORD, issueTestToken, unique } from './actors';
import { createApiTokenRow } from './api-tokens';
import { freshEachTime } from './db-snapshot';
import { createReqifUploadRow } from './reqif-rows';
import { createNotificationRow } from './notification-rows';
import { PROJECT_ROLES } from '@/lib/auth/roles';
import { createChecklistItemRow, createFinalAcceptanceRow, createGoLiveRow, createGoNoGoRecordRow, createReleaseRow, createSignedGoRow, vsrShown } from './readiness-rows';
import { createApprovalRequestRow, createBaselineRow, createCampaignReportRequestRow, createLiftedReservationRow, createReservationRow, createSignatureRow } from './signoff-rows';
import { approvalSubject, findApprovalRequest, listReservations, reservationSubject } from '@/db/queries/approvals';
import { signable } from '@/db/queries/signatures';
import {
  createAnomalyRow,
  createAttachmentRow,
  createCampaignRow,
  createExecutionRow,
  createItemRow,
  createRunInNewCampaign,
} from './recette-rows';
import { createLink, createRequirementRow, createSpecificationRow, createTestCaseRow, createTestLink } from './trace-items';
import { ACTOR_KINDS, actorOf, createWorld, type ActorKind, type World } from './world';
import type { TestUser } from './actors';

/**
 * A world (one project with a member per role, an outsider owning another project, an administrator, a plain
 * account) plus items in both projects, for the generated security suites. Inputs are built as recipes
 * `(fixture) => value`, so one recipe can be replayed on two fixtures built the same way and their effects compared.
 */
export interface Fixture extends World {
  /** Pools of existing values, by kind; the other project's items come last (foreign ids). */
  pools: {
    user: string[];
    requirement: string[];
    specification: string[];
    link: string[];
    testCase: string[];
    campaign: string[];
    campaignItem: string[];
    execution: string[];
    anomaly: string[];
    attachment: string[];
    apiToken: string[];
    release: string[];
    checklistItem: string[];
    goNoGoRecord: string[];
    reqifUpload: string[];
    project: string[];
    baseline: string[];
    approvalRequest: string[];
    reservation: string[];
    signature: string[];
    /** A notice of each member of the project, then one of the other project's owner. */
    notification: string[];
    /** Signed recettes définitives, this project's then the other's (their PV's `[id]`). */
    finalAcceptance: string[];
    /** Approval requests of a closed campaign's report, this project's then the other's (their PV's `[id]`). */
    campaignReport: string[];
    /** The hashes the review pages show (the pending request's, the open reservation's): what a signature carries back. */
    contentHash: string[];
    /** The versions of those subjects, in the same order (as a form sends them, text). */
    contentVersion: string[];
    email: string[];
    projectKey: string[];
    /** The hash signGoNoGo carries back (`shownHash`): the go / no-go record's. */
    hash: string[];
    /** The hash decideFinalAcceptance carries back: the VSR content the go-live page shows (its period is 1). */
    vsrHash: string[];
  };
  /**
   * One object of the other project (or, for `user`, a member of the other project only) per pool kind: the id a
   * member of both projects could send to reach into the other one (tests/integration/security-foreign-ids.test.ts).
   */
  foreign: Record<PoolKind, string>;
  /** A one-time password link of `target`, as an administrator would have handed it over. */
  token: string;
  /** Secrets of the project's API tokens (created by its owner), for the `/api/v1` routes. */
  apiSecrets: { read: string; write: string };
  /**
   * Per-project numbers that name things in URLs (`/campaigns/[number]`): this project's open campaign, its first
   * release, a lifted reservation (its PV de levée).
   */
  numbers: { campaign: number; release: number; liftedReservation: number };
  /** A value unique to this fixture, the same recipe giving the same symbol on every fixture. */
  fresh: (label: string) => string;
  /** Every value of this fixture that another fixture spells differently, with the name both share. */
  symbols: Map<string, string>;
  actor: (kind: ActorKind) => TestUser | null;
}

/** The kinds of existing ids; schema-arbitraries.ts names the parameters each kind serves. */
export type PoolKind =
  | 'user'
  | 'requirement'
  | 'specification'
  | 'link'
  | 'testCase'
  | 'campaign'
  | 'campaignItem'
  | 'execution'
  | 'anomaly'
  | 'attachment'
  | 'apiToken'
  | 'release'
  | 'checklistItem'
  | 'goNoGoRecord'
  | 'reqifUpload'
  | 'project'
  | 'baseline'
  | 'approvalRequest'
  | 'reservation'
  | 'signature'
  | 'notification'
  | 'finalAcceptance'
  | 'campaignReport';

export const NEW_PASSWORD = 'un mot de passe neuf et long';

export type Recipe = (fixture: Fixture) => unknown;

/** What a fixture is made of, built once per test file; `fresh` names its values in the symbols it is given. */
type Built = Omit<Fixture, 'fresh' | 'symbols'> & { symbols: ReadonlyMap<string, string>; tag: string };

/** Built once per test file, then restored before every later case (db-snapshot.ts) instead of building ~70 rows again. */
const freshBase = freshEachTime(buildFixture);

/** The fixture, fresh for this case: the same rows and ids each time, with nothing left by an earlier case or fixture. */
export async function createFixture(): Promise<Fixture> {
  const base = await freshBase();
  const symbols = new Map(base.symbols);
  const { tag, ...rest } = base;
  return {
    ...rest,
    symbols,
    fresh: (label) => {
      const value = `${label}${tag}`;
      for (const spelling of [value, value.toLowerCase(), value.toUpperCase()]) symbols.set(spelling, `<fresh.${label}>`);
      return value;
    },
  };
}

async function buildFixture(): Promise<Built> {
  // The instance policy is one row for the whole database: every fixture starts from its default, at version 1, so
  // a recipe replayed on another fixture meets the same state.
  await getDb().update(instanceSettings).set({ projectCreation: 'admins', ownersMayCreateAccounts: false, version: 1, updatedBy: null });
  const world = await createWorld();
  const parent = await createRequirementRow(world.project, { title: 'Chapitre' });
  const child = await createRequirementRow(world.project, { title: 'Exigence', version: 3, parentId: parent.id });
  const draft = await createSpecificationRow(world.project, { status: 'draft' });
  const approved = await createSpecificationRow(world.project, { status: 'approved' });
  const inReview = await createSpecificationRow(world.project, { status: 'in_review', version: 2 });
  const clean = await createLink(world.project, parent, draft);
  const suspect = await createLink(world.project, child, approved, { reviewedVersion: 1 });
  const foreignRequirement = await createRequirementRow(world.otherProject);
  const foreignSpecification = await createSpecificationRow(world.otherProject);
  const foreignLink = await createLink(world.otherProject, foreignRequirement, foreignSpecification);
  const testCase = await createTestCaseRow(world.project);
  const testLink = await createTestLink(world.project, approved, testCase);
  const foreignTestCase = await createTestCaseRow(world.otherProject);
  // An open campaign with the test case in scope (one item), an empty one (it may close), a closed one (every write
  // refused) and another project's.
  const campaign = await createCampaignRow(world.project);
  const item = await createItemRow(campaign, world.project, testCase);
  const emptyCampaign = await createCampaignRow(world.project);
  const closedCampaign = await createCampaignRow(world.project, { status: 'closed' });
  const closedItem = await createItemRow(closedCampaign, world.project, testCase, { notRunReason: 'Hors périmètre' });
  const foreignCampaign = await createCampaignRow(world.otherProject);
  const foreignItem = await createItemRow(foreignCampaign, world.otherProject, foreignTestCase);
  const execution = await createRunInNewCampaign(world.project);
  const anomaly = await createAnomalyRow(world.project, { createdBy: world.members.moa.id });
  const retest = await createAnomalyRow(world.project, { status: 'to_retest' });
  // The anomaly traces to a specification, so unlinking has something to remove.
  await getDb().insert(anomalySpecifications).values({ anomalyId: anomaly.id, specificationId: approved.id });
  // The retest loop: an item whose failed run raised `retest`, then a passing run that may close it.
  const retestCase = await createTestCaseRow(world.project);
  const retestCampaign = await createCampaignRow(world.project, { status: 'in_progress' });
  const retestItem = await createItemRow(retestCampaign, world.project, retestCase);
  const failedRun = await createExecutionRow(retestItem, retestCampaign, world.project, retestCase, { status: 'failed', startedAt: new Date(Date.now() - 3_600_000) });
  await getDb().insert(anomalyExecutions).values({ anomalyId: retest.id, executionId: failedRun.id });
  const retestRun = await createExecutionRow(retestItem, retestCampaign, world.project, retestCase, { status: 'passed', startedAt: new Date(Date.now() - 300_000) });
  // An item of the open campaign set "non exécuté", so clearing the reason has something to clear.
  const notRunItem = await createItemRow(campaign, world.project, retestCase, { notRunReason: 'Reporté au lot 2' });
  const attachment = await createAttachmentRow(world.project, { executionId: execution.id, stepIndex: 0 }, world.members.moa.id);
  const foreignExecution = await createRunInNewCampaign(world.otherProject);
  const foreignAnomaly = await createAnomalyRow(world.otherProject);
  const foreignAttachment = await createAttachmentRow(world.otherProject, { anomalyId: foreignAnomaly.id }, world.outsider.id);
  // A release over the closed campaign with a checklist item, one with a go / no-go record (it can no longer be
  // deleted), and another project's.
  const release = await createReleaseRow(world.project, [closedCampaign]);
  const checklistItem = await createChecklistItemRow(world.project, release);
  const recordedRelease = await createReleaseRow(world.project, [closedCampaign]);
  const goNoGoRecord = await createGoNoGoRecordRow(world.project, recordedRelease, world.members.moa);
  // Mise en production: a release decided GO and signed (it may go live), and one live for 40 days, its VSR over
  // (the recette définitive may be signed over what its page shows).
  const signedGo = (await createSignedGoRow(world.project, world.members.moa)).release;
  const wentLive = (await createGoLiveRow(world.project, world.members.moa, { daysAgo: 40 })).release;
  const vsr = await vsrShown(world.project, wentLive.number);
  // A recette définitive already signed (on a release of its own), for its PV's route.
  const finalAcceptance = await createFinalAcceptanceRow(world.project, world.members.moa);
  const foreignFinalAcceptance = await createFinalAcceptanceRow(world.otherProject, world.outsider);
  // A reservation lifted with its signature, for its PV de levée's route.
  const liftedReservation = await createLiftedReservationRow(world.project, world.members.moa);
  const foreignRelease = await createReleaseRow(world.otherProject, [foreignCampaign]);
  const foreignChecklistItem = await createChecklistItemRow(world.otherProject, foreignRelease);
  const foreignGoNoGoRecord = await createGoNoGoRecordRow(world.otherProject, foreignRelease, world.outsider);
  // Sign-off: a baseline of the approved specification with a pending request, and a reservation of a decided
  // request on the anomaly awaiting retest; the same in the other project.
  const baseline = await createBaselineRow(world.project, [approved.id]);
  const approvalRequest = await createApprovalRequestRow(world.project, baseline, { requestedBy: world.members.amoe.id });
  const freshBaseline = await createBaselineRow(world.project, [approved.id]);
  const decidedBaseline = await createBaselineRow(world.project, [approved.id]);
  const decidedRequest = await createApprovalRequestRow(world.project, decidedBaseline, { status: 'approved_with_reservations' });
  const reservation = await createReservationRow(world.project, decidedRequest, { ownerId: world.members.amoe.id });
  const foreignBaseline = await createBaselineRow(world.otherProject, [foreignSpecification.id]);
  const foreignRequest = await createApprovalRequestRow(world.otherProject, foreignBaseline);
  const foreignReservation = await createReservationRow(world.otherProject, foreignRequest, { ownerId: world.outsider.id });
  // A closed campaign whose report waits for the MOA's approval, for the PV de recette's route.
  const reportCampaign = await createCampaignRow(world.project, { status: 'closed' });
  const reportRequest = await createCampaignReportRequestRow(world.project, reportCampaign, { requestedBy: world.members.amoe.id });
  const foreignReportCampaign = await createCampaignRow(world.otherProject, { status: 'closed' });
  const foreignReportRequest = await createCampaignReportRequestRow(world.otherProject, foreignReportCampaign);
  const shownRequest = (await findApprovalRequest(getDb(), world.project.id, { id: approvalRequest.id }))!;
  const shownReservation = (await listReservations(getDb(), world.project.id, decidedRequest.id))[0]!;
  const signature = await createSignatureRow(world.project, world.members.moa);
  const foreignSignature = await createSignatureRow(world.otherProject, world.outsider);
  const contentVersions = ['1', '1'];
  const contentHashes = [
    signable(await approvalSubject(getDb(), world.project.id, shownRequest)).hash,
    signable(reservationSubject(shownReservation)).hash,
  ];
  // The RACI settings exist (revision 1, nobody assigned: the project roles apply), so a RACI save has a revision to name.
  await getDb().insert(raciSettings).values(DELIVERABLE_KINDS.map((deliverable) => ({ projectId: world.project.id, deliverable })));
  const reqifUpload = await createReqifUploadRow(world.project, world.members.amoe.id);
  const foreignReqifUpload = await createReqifUploadRow(world.otherProject, world.outsider.id);
  const notices = await Promise.all(PROJECT_ROLES.map((role) => createNotificationRow(world.members[role], world.project)));
  const foreignNotice = await createNotificationRow(world.outsider, world.otherProject);
  const token = await issueTestToken(world.target);
  // Their last use is recorded ahead, so the suites' reads through the API write nothing (a use is recorded at
  // most once a minute after the last one): a read that wrote would look like a write on refusal.
  const recorded = { lastUsedAt: new Date(Date.now() + 24 * 60 * 60 * 1000) };
  const writeToken = await createApiTokenRow(world.project, world.members.owner, { scope: 'write', ...recorded });
  const readToken = await createApiTokenRow(world.project, world.members.owner, { scope: 'read', ...recorded });
  const foreignToken = await createApiTokenRow(world.otherProject, world.outsider, { scope: 'write', ...recorded });

  const people = ACTOR_KINDS.map((kind) => actorOf(world, kind)).filter((u): u is TestUser => u !== null);
  people.push(world.target);
  // Upper case and digits only, so it survives the schemas' case folding (project keys, e-mails) unchanged in kind.
  const tag = unique('F');
  const symbols = new Map<string, string>();
  const name = (value: string, symbol: string) => symbols.set(value, `<${symbol}>`);
  ACTOR_KINDS.forEach((kind) => {
    const person = actorOf(world, kind);
    if (person) {
      name(person.id, `${kind}.id`);
      name(person.email, `${kind}.email`);
      name(pseudonymOf(person.id).name, `${kind}.pseudonym`);
    }
  });
  name(world.target.id, 'target.id');
  name(world.target.email, 'target.email');
  name(world.project.id, 'project.id');
  name(world.project.key, 'project.key');
  name(world.otherProject.id, 'otherProject.id');
  name(world.otherProject.key, 'otherProject.key');
  const items = {
    parent,
    child,
    draft,
    approved,
    inReview,
    clean,
    suspect,
    foreignRequirement,
    foreignSpecification,
    foreignLink,
    testCase,
    testLink,
    foreignTestCase,
    campaign,
    emptyCampaign,
    retestCase,
    retestCampaign,
    retestItem,
    failedRun,
    retestRun,
    notRunItem,
    item,
    closedCampaign,
    closedItem,
    foreignCampaign,
    foreignItem,
    execution,
    anomaly,
    attachment,
    foreignExecution,
    foreignAnomaly,
    foreignAttachment,
    retest,
    release,
    checklistItem,
    recordedRelease,
    signedGo,
    wentLive,
    finalAcceptance,
    foreignFinalAcceptance,
    goNoGoRecord,
    foreignRelease,
    foreignChecklistItem,
    foreignGoNoGoRecord,
    baseline,
    freshBaseline,
    approvalRequest,
    decidedBaseline,
    decidedRequest,
    reservation,
    foreignBaseline,
    foreignRequest,
    foreignReservation,
    reportCampaign,
    reportRequest,
    foreignReportCampaign,
    foreignReportRequest,
    reqifUpload,
    foreignReqifUpload,
    foreignNotice,
    ...Object.fromEntries(notices.map((n, i) => [`notice${i}`, n])),
  };
  for (const [label, item] of Object.entries(items)) name(item.id, `${label}.id`);
  name(goNoGoRecord.snapshotHash, 'goNoGoRecord.hash');
  name(vsr.shownHash, 'vsr.hash');
  name(token, 'token');
  contentHashes.forEach((hash, i) => name(hash, `contentHash.${i}`));
  name(signature, 'signature.id');
  name(foreignSignature, 'foreignSignature.id');
  for (const [label, apiToken] of Object.entries({ writeToken, readToken, foreignToken })) {
    name(apiToken.id, `${label}.id`);
    name(apiToken.secret, `${label}.secret`);
    name(apiToken.prefix, `${label}.prefix`);
  }

  return {
    ...world,
    pools: {
      user: people.map((p) => p.id),
      requirement: [parent.id, child.id, foreignRequirement.id],
      specification: [draft.id, approved.id, inReview.id, foreignSpecification.id],
      link: [clean.id, suspect.id, testLink.id, foreignLink.id],
      testCase: [testCase.id, foreignTestCase.id],
      campaign: [campaign.id, emptyCampaign.id, closedCampaign.id, foreignCampaign.id],
      campaignItem: [item.id, notRunItem.id, closedItem.id, foreignItem.id],
      execution: [execution.id, retestRun.id, foreignExecution.id],
      anomaly: [anomaly.id, retest.id, foreignAnomaly.id],
      attachment: [attachment.id, foreignAttachment.id],
      apiToken: [writeToken.id, readToken.id, foreignToken.id],
      release: [release.id, recordedRelease.id, signedGo.id, wentLive.id, foreignRelease.id],
      checklistItem: [checklistItem.id, foreignChecklistItem.id],
      goNoGoRecord: [goNoGoRecord.id, foreignGoNoGoRecord.id],
      reqifUpload: [reqifUpload.id, foreignReqifUpload.id],
      project: [world.project.id, world.otherProject.id],
      baseline: [freshBaseline.id, baseline.id, decidedBaseline.id, foreignBaseline.id],
      approvalRequest: [approvalRequest.id, foreignRequest.id],
      reservation: [reservation.id, foreignReservation.id],
      contentHash: contentHashes,
      contentVersion: contentVersions,
      signature: [signature, foreignSignature],
      notification: [...notices.map((n) => n.id), foreignNotice.id],
      email: people.map((p) => p.email),
      projectKey: [world.project.key, world.otherProject.key],
      hash: [goNoGoRecord.snapshotHash],
      vsrHash: [vsr.shownHash],
      finalAcceptance: [finalAcceptance.id, foreignFinalAcceptance.id],
      campaignReport: [reportRequest.id, foreignReportRequest.id],
    },
    foreign: {
      user: world.outsider.id,
      requirement: foreignRequirement.id,
      specification: foreignSpecification.id,
      link: foreignLink.id,
      testCase: foreignTestCase.id,
      campaign: foreignCampaign.id,
      campaignItem: foreignItem.id,
      execution: foreignExecution.id,
      anomaly: foreignAnomaly.id,
      attachment: foreignAttachment.id,
      apiToken: foreignToken.id,
      release: foreignRelease.id,
      checklistItem: foreignChecklistItem.id,
      goNoGoRecord: foreignGoNoGoRecord.id,
      reqifUpload: foreignReqifUpload.id,
      project: world.otherProject.id,
      baseline: foreignBaseline.id,
      approvalRequest: foreignRequest.id,
      reservation: foreignReservation.id,
      signature: foreignSignature,
      notification: foreignNotice.id,
      finalAcceptance: foreignFinalAcceptance.id,
      campaignReport: foreignReportRequest.id,
    },
    token,
    apiSecrets: { read: readToken.secret, write: writeToken.secret },
    numbers: { campaign: campaign.number, release: release.number, liftedReservation: liftedReservation.number },
    tag,
    symbols,
    actor: (kind) => actorOf(world, kind),
  };
}

export { TEST_PASSWORD };
