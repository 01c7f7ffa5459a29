import { getTranslations } from 'next-intl/server';
import { Card, CardContent } from '@/components/ui/card';
import type { ProjectSectionKey } from '@/lib/projects/sections';

/** An honest empty state for a section that this version does not offer yet: no fake data. */
export async function SectionPlaceholder({ section }: { section: ProjectSectionKey }) {
  const t = await getTranslations('sections');
  const tp = await getTranslations('placeholder');
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-4">
      <h1 className="text-2xl font-semibold">{t(section)}</h1>
      <Card>
        <CardContent className="flex flex-col gap-2 p-8 text-center">
          <p className="font-medium">{tp('title')}</p>
          <p className="text-sm text-muted-foreground">{tp(section)}</p>
        </CardContent>
      </Card>
    </div>
  );
}
