import { Trans, useLingui } from '@lingui/react/macro';
import { Group, Pagination, Text } from '@mantine/core';
import { DeferredSelect } from './deferred/widgets';
import { PAGE_SIZES } from '../lib/search-params';
import { formatNumber } from '../lib/format';

type Props = {
  page: number;
  pageSize: number;
  total: number;
  onChange: (next: { page: number; page_size: number }) => void;
  /**
   * The total with its noun, plural-aware ("33 members": `(n) => t(plural(n, { one: '# member',
   * other: '# members' }))`); without it, the number alone ("1–10 of 33").
   */
  count?: (total: number) => string;
  /** No longer read (a noun cannot be put in a sentence in every language); kept for pages passing it. */
  label?: string;
};

/** Page links, page size and "1–10 of 234", for every server-paginated table. */
export function PaginationBar({ page, pageSize, total, onChange, count }: Props) {
  const { t } = useLingui();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  return (
    <Group justify="space-between" mt="sm" wrap="wrap">
      <Text size="sm" c="dimmed" aria-live="polite">
        {total === 0 ? (
          <Trans>None</Trans>
        ) : (
          <Range first={formatNumber(first)} last={formatNumber(last)} of={count ? count(total) : formatNumber(total)} />
        )}
      </Text>
      <Group gap="sm">
        <DeferredSelect
          aria-label={t`Rows per page`}
          size="xs"
          w={90}
          data={[...PAGE_SIZES]}
          value={String(pageSize)}
          allowDeselect={false}
          onChange={(value) => value && onChange({ page: 1, page_size: Number(value) })}
        />
        <Pagination
          size="sm"
          total={pages}
          value={Math.min(page, pages)}
          onChange={(next) => onChange({ page: next, page_size: pageSize })}
          getItemProps={(item) => {
            const number = formatNumber(item);
            return { 'aria-label': t`Page ${number}` };
          }}
          getControlProps={(control) => ({
            'aria-label': { first: t`First page`, previous: t`Previous page`, next: t`Next page`, last: t`Last page` }[control],
          })}
        />
      </Group>
    </Group>
  );
}

/** "1–10 of 33 members": `of` is the total with its noun, as the page words it. */
function Range({ first, last, of }: { first: string; last: string; of: string }) {
  return (
    <Trans>
      {first}–{last} of {of}
    </Trans>
  );
}
