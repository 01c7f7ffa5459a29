import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { setPasswordWithToken } from '../actions';
import { SetPasswordForm } from '@/components/auth/set-password-form';
import { Alert } from '@/components/ui/alert';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { getDb } from '@/db/client';
import { findUsableSetupLink } from '@/db/queries/password-tokens';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('auth'))('setPasswordTitle') };
}

export default async function SetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations('auth');
  const person = await findUsableSetupLink(getDb(), token);
  return (
    <Card>
      <CardHeader>
        <CardTitle asChild>
          <h1>{t('setPasswordTitle')}</h1>
        </CardTitle>
        {person && <CardDescription>{t('setPasswordFor', { name: person.name, email: person.email })}</CardDescription>}
      </CardHeader>
      <CardContent>
        {person ? (
          <SetPasswordForm token={token} setPassword={setPasswordWithToken} />
        ) : (
          <div className="flex flex-col gap-3">
            <Alert variant="destructive" role="status">
              {t('linkInvalid')}
            </Alert>
            <Link className="text-sm text-primary underline" href="/login">
              {t('backToSignIn')}
            </Link>
          </div>
        )}
      </CardContent>
    </Card>
  );
}
