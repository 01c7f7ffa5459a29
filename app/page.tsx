import { redirect } from 'next/navigation';
import { getCurrentUser } from '@/lib/session/current-user';

export default async function HomePage() {
  redirect((await getCurrentUser()) ? '/projects' : '/login');
}
