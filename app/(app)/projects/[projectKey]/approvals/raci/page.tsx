import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { RaciEditor } from '@/components/signoff/raci-editor';
import { getDb } from '@/db/client';
import { loadRaci } from '@/db/queries/approvals';
import { requireProjectMembership } from '@/db/queries/project-access';
import { can } from '@/lib/auth/roles';
import { DELIVERABLE_KINDS, RACI_ROLES } from '@/lib/signoff/model';
import { roleFits } from '@/lib/signoff/raci';
import { requireUser } from '@/lib/session/current-user';
import { setRaci } from '../actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('signoff'))('raci.title') };
}

export default async function RaciPage({ params }: { params: Promise<{ projectKey: string }> }) {
  const user = await requireUser();
  const membership = await requireProjectMembership(user, (await params).projectKey);
  const raci = await loadRaci(getDb(), membership.projectId);
  const t = await getTranslations('signoff');
  const editable = can(membership.role, 'project.manage');
  const nameOf = new Map(raci.members.map((m) => [m.userId, m.name]));

  return (
    <div className="mx-auto flex max-w-5xl flex-col gap-6">
      <Link href={`/projects/${membership.projectKey}/approvals`} className="text-sm text-primary hover:underline">
        ← {t('title')}
      </Link>
      <div className="flex flex-col gap-1">
        <h1 className="text-2xl font-semibold">{t('raci.title')}</h1>
        <p className="max-w-3xl text-sm text-muted-foreground">{t('raci.intro')}</p>
      </div>
      <div className="grid gap-4 md:grid-cols-2">
        {DELIVERABLE_KINDS.map((deliverable) => {
          const label = t(`deliverables.${deliverable}`);
          const resolved = raci.resolve(deliverable);
          const assigned = raci.assignmentsOf(deliverable);
          const setting = raci.settingOf(deliverable);
          return (
            <section key={deliverable} aria-labelledby={`raci-${deliverable}-title`} className="flex flex-col gap-3 rounded-lg border bg-background p-4">
              <h2 id={`raci-${deliverable}-title`} className="text-lg font-semibold">
                {label}
              </h2>
              <p className="text-sm" data-testid={`raci-effective-${deliverable}`}>
                {t('raci.effective', {
                  names: resolved.approvers.map((id) => nameOf.get(id) ?? id).join(', ') || t('raci.nobody'),
                  quorum: resolved.quorum,
                })}
              </p>
              {editable ? (
                <RaciEditor
                  action={setRaci}
                  projectKey={membership.projectKey}
                  deliverable={deliverable}
                  label={label}
                  revision={setting.revision}
                  quorum={setting.quorum}
                  members={raci.members.map((m) => ({
                    userId: m.userId,
                    name: m.name,
                    role: assigned.get(m.userId) ?? null,
                    allowed: RACI_ROLES.filter((r) => roleFits(m.role, r)),
                  }))}
                />
              ) : (
                <ul className="flex flex-col gap-1 text-sm">
                  {raci.members
                    .filter((m) => assigned.has(m.userId))
                    .map((m) => (
                      <li key={m.userId}>
                        {m.name} — {t(`raci.roles.${assigned.get(m.userId)!}`)}
                      </li>
                    ))}
                </ul>
              )}
            </section>
          );
        })}
      </div>
    </div>
  );
}
