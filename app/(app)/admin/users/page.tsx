import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { createUser, issuePasswordLink, pseudonymizeUser, setProjectCreator, setUserActive, updateInstancePolicy } from './actions';
import { CreateUserForm } from '@/components/admin/create-user-form';
import { InstancePolicyForm } from '@/components/admin/instance-policy-form';
import { UserActions } from '@/components/admin/user-actions';
import { Badge } from '@/components/ui/badge';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { getDb } from '@/db/client';
import { getInstancePolicy } from '@/db/queries/instance-policy';
import { listUsers } from '@/db/queries/users';
import { requireUser } from '@/lib/session/current-user';
import { MAIN_CONTENT_ID } from '@/lib/ui/main-content';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin'))('title') };
}

export default async function AdminUsersPage() {
  const user = await requireUser();
  if (!user.isAdmin) notFound();
  const t = await getTranslations('admin');
  const format = await getFormatter();
  const [people, policy] = await Promise.all([listUsers(getDb()), getInstancePolicy(getDb())]);
  return (
    <main id={MAIN_CONTENT_ID} tabIndex={-1} className="outline-none mx-auto flex w-full max-w-5xl flex-col gap-6 p-6">
      <h1 className="text-2xl font-semibold">{t('title')}</h1>
      <Card>
        <CardHeader>
          <CardTitle>{t('policy.title')}</CardTitle>
          <CardDescription>{t('policy.intro')}</CardDescription>
        </CardHeader>
        <CardContent>
          <InstancePolicyForm
            policy={{ projectCreation: policy.projectCreation, ownersMayCreateAccounts: policy.ownersMayCreateAccounts }}
            version={policy.version}
            updateInstancePolicy={updateInstancePolicy}
          />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>{t('create')}</CardTitle>
        </CardHeader>
        <CardContent>
          <CreateUserForm createUser={createUser} />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>{t('accounts', { count: people.length })}</CardTitle>
        </CardHeader>
        <CardContent>
          <Table data-testid="user-table">
            <TableHeader>
              <TableRow>
                <TableHead>{t('person')}</TableHead>
                <TableHead>{t('status')}</TableHead>
                <TableHead>{t('createdAt')}</TableHead>
                <TableHead />
              </TableRow>
            </TableHeader>
            <TableBody>
              {people.map((p) => (
                <TableRow key={p.id}>
                  <TableCell>
                    <div className="font-medium">{p.name}</div>
                    <div className="text-xs text-muted-foreground">{p.email}</div>
                  </TableCell>
                  <TableCell className="flex flex-wrap gap-1">
                    {p.isAdmin && <Badge>{t('admin')}</Badge>}
                    {p.isProjectCreator && <Badge variant="secondary">{t('projectCreator')}</Badge>}
                    {p.pseudonymized && <Badge variant="outline">{t('pseudonymized')}</Badge>}
                    <Badge variant={p.isActive ? 'secondary' : 'outline'}>{p.isActive ? t('active') : t('inactive')}</Badge>
                    {!p.hasPassword && !p.pseudonymized && <Badge variant="warning">{t('pending')}</Badge>}
                  </TableCell>
                  <TableCell className="tabular-nums">{format.dateTime(p.createdAt, { dateStyle: 'short' })}</TableCell>
                  <TableCell>
                    <UserActions
                      userId={p.id}
                      active={p.isActive}
                      self={p.id === user.id}
                      projectCreator={p.isProjectCreator}
                      pseudonymized={p.pseudonymized}
                      issuePasswordLink={issuePasswordLink}
                      setUserActive={setUserActive}
                      setProjectCreator={setProjectCreator}
                      pseudonymizeUser={pseudonymizeUser}
                    />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </CardContent>
      </Card>
    </main>
  );
}
