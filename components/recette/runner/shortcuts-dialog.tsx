'use client';

import { useTranslations } from 'next-intl';
import { Dialog } from 'radix-ui';
import { Button } from '@/components/ui/button';
import { STEP_STATUSES } from '@/lib/recette/campaign-model';
import { RUNNER_SHORTCUTS, STEP_STATUS_KEYS } from '@/lib/recette/runner';

const keyLabel = (key: string) =>
  key
    .replace('mod+', 'Ctrl/⌘ + ')
    .replace('shift+', 'Maj/Shift + ')
    .replace('down', '↓')
    .replace('up', '↑')
    .replace('enter', 'Entrée/Enter')
    .toUpperCase();

const HELP_ROWS: { label: string; keys: readonly string[] }[] = [
  ...STEP_STATUSES.map((status) => ({ label: status, keys: [STEP_STATUS_KEYS[status]] })),
  ...Object.entries(RUNNER_SHORTCUTS).map(([label, keys]) => ({ label, keys: label === 'help' ? ['?'] : keys })),
];

/** The runner's keyboard shortcuts, open from its first render (test-runner.tsx mounts it when asked for). */
export function ShortcutsDialog({ onOpenChange }: { onOpenChange: (open: boolean) => void }) {
  const t = useTranslations('runner.shortcuts');
  return (
    <Dialog.Root open onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 bg-black/40" />
        <Dialog.Content className="fixed left-1/2 top-1/2 w-[min(32rem,90vw)] -translate-x-1/2 -translate-y-1/2 rounded-md bg-background p-4 shadow-lg">
          <Dialog.Title className="text-lg font-semibold">{t('title')}</Dialog.Title>
          <Dialog.Description className="text-sm text-muted-foreground">{t('hint')}</Dialog.Description>
          <table className="mt-3 w-full text-sm">
            <tbody>
              {HELP_ROWS.map((row) => (
                <tr key={row.label} className="border-b">
                  <td className="py-1">{t(row.label as 'help')}</td>
                  <td className="py-1 text-right font-mono">
                    {row.keys.map((key) => (
                      <kbd key={key} className="ml-1 rounded border px-1">
                        {keyLabel(key)}
                      </kbd>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <Dialog.Close asChild>
            <Button className="mt-3" variant="outline">
              {t('close')}
            </Button>
          </Dialog.Close>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
