import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { signInWithPassword } from './actions';
import { LoginForm } from '@/components/auth/login-form';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('auth'))('signInTitle') };
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const t = await getTranslations('auth');
  const { callbackUrl } = await searchParams;
  return (
    <Card>
      <CardHeader>
        <CardTitle asChild>
          <h1>{t('signInTitle')}</h1>
        </CardTitle>
        <CardDescription>{t('signInHint')}</CardDescription>
      </CardHeader>
      <CardContent>
        <LoginForm callbackUrl={typeof callbackUrl === 'string' ? callbackUrl : undefined} signIn={signInWithPassword} />
      </CardContent>
    </Card>
  );
}
