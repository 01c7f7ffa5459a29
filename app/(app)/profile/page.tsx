import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { eq } from 'drizzle-orm';
import { changePassword, signOutEverywhere, updateProfile } from './actions';
import { setEmailNotifications } from '../notifications/actions';
import { EmailPreference } from '@/components/notifications/email-preference';
import { getDb } from '@/db/client';
import { users } from '@/db/schema';
import { ChangePasswordForm } from '@/components/profile/change-password-form';
import { ProfileForm } from '@/components/profile/profile-form';
import { SignOutEverywhere } from '@/components/profile/sign-out-everywhere';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { requireUser } from '@/lib/session/current-user';
import { MAIN_CONTENT_ID } from '@/lib/ui/main-content';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('profile'))('title') };
}

export default async function ProfilePage() {
  const user = await requireUser();
  const t = await getTranslations('profile');
  const n = await getTranslations('notifications');
  const [preference] = await getDb().select({ enabled: users.emailNotifications }).from(users).where(eq(users.id, user.id));
  return (
    <main id={MAIN_CONTENT_ID} tabIndex={-1} className="outline-none mx-auto flex w-full max-w-2xl flex-col gap-6 p-6">
      <h1 className="text-2xl font-semibold">{t('title')}</h1>
      <Card>
        <CardHeader>
          <CardTitle>{t('identity')}</CardTitle>
          <CardDescription>{user.email}</CardDescription>
        </CardHeader>
        <CardContent>
          <ProfileForm initial={{ name: user.name, locale: user.locale, version: String(user.version) }} updateProfile={updateProfile} />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>{t('password')}</CardTitle>
          <CardDescription>{t('passwordHint')}</CardDescription>
        </CardHeader>
        <CardContent>
          <ChangePasswordForm changePassword={changePassword} />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>{n('title')}</CardTitle>
        </CardHeader>
        <CardContent>
          <EmailPreference
            enabled={preference?.enabled ?? true}
            labels={{ label: n('emailPreference'), help: n('emailPreferenceHelp'), save: n('emailPreferenceSave'), saved: n('emailPreferenceSaved') }}
            save={setEmailNotifications}
          />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>{t('sessions')}</CardTitle>
          <CardDescription>{t('sessionsHint')}</CardDescription>
        </CardHeader>
        <CardContent>
          <SignOutEverywhere signOutEverywhere={signOutEverywhere} />
        </CardContent>
      </Card>
    </main>
  );
}
